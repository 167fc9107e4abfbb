"""Fixtures of the browser tests: the built example served over http on 127.0.0.1, and one headless Chromium.

Tests/Browser/run.sh builds the example with `briefing build --search` and sets:
  BRIEFING_WWW     the folder served at http://127.0.0.1:<BRIEFING_PORT>/
  BRIEFING_PORT    the port, also in the build's base_url
  BRIEFING_PREFIX  the path the digest lives under, e.g. /briefing/
"""
import functools
import http.server
import os
import shutil
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# One page of each kind, by the name the tests use.
PAGES = {
    "index": "index.html",
    "topic": "topics/deployment/index.html",
    "note": "notes/reading-the-troop-numbers/index.html",
    "source": "sources/seoul-wire-2024-10-24/index.html",
    "sources": "sources/index.html",
    "claims": "claims/index.html",
    "claim": "claims/index.html#claim-nis-10000-promised-total",
    "print": "print/index.html",
    "404": "404.html",
}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as a static host would: a missing file under the digest gets its 404.html, status 404."""

    prefix = "/briefing/"

    def log_message(self, *args):
        pass

    def do_GET(self):
        # The host's own /favicon.ico, which browsers ask for by themselves: not the digest's, so not its error.
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, self.prefix.strip("/"), "404.html")
        if code != 404 or not self.path.startswith(self.prefix) or not os.path.exists(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as file:
            body = file.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def www():
    folder = os.environ.get("BRIEFING_WWW")
    if not folder:
        pytest.exit("run the browser tests with Tests/Browser/run.sh, which builds the example first", returncode=2)
    return folder


@pytest.fixture(scope="session")
def site(www):
    """The digest's base URL on a local static server; the server stops with the session."""
    port = int(os.environ["BRIEFING_PORT"])
    prefix = os.environ.get("BRIEFING_PREFIX", "/briefing/")
    handler = functools.partial(type("Host", (StaticHost,), {"prefix": prefix}), directory=www)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}{prefix}"
    server.shutdown()
    server.server_close()


def chromium_options():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in [
        # Headless, as root in a container.
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--lang=en-GB",
        # Nothing but the local server: no host name resolves, and Chromium's own background traffic is off.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-sync", "--disable-extensions", "--no-first-run", "--disable-domain-reliability",
    ]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture(scope="session")
def driver():
    # Debian's chromedriver, named explicitly, so that Selenium never looks for one to download.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=chromium_options(), service=service)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture
def browser(driver):
    """The session's browser, with a fresh console log and the light colour scheme."""
    driver.get_log("browser")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    return driver


def severe_console_entries(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def search_ready(driver, timeout=10):
    """Waits until the search box has loaded Pagefind's UI; returns the search input."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, ".site-search:not([hidden]) input.pagefind-ui__search-input")), False)
    )
