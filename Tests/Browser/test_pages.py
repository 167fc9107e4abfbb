"""Every kind of page loads without console errors and passes an axe scan, in the light and the dark scheme."""
import pytest
from axe_selenium_python import Axe

from conftest import PAGES, search_ready, severe_console_entries

BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("kind", PAGES)
def test_page_loads_without_console_errors(browser, site, kind):
    browser.get(site + PAGES[kind])
    assert browser.find_element("css selector", "main h1").text.strip(), f"{kind}: the page has a heading"
    # The search box loads Pagefind's scripts: wait for it, so their errors would show too.
    search_ready(browser)
    assert severe_console_entries(browser) == [], f"{kind}: console errors"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_serious_or_critical_violations(browser, site, kind, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(site + PAGES[kind])
    search_ready(browser)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in results["violations"] if v["impact"] in BLOCKING
    ]
    assert blocking == [], f"{kind} ({scheme}):\n" + "\n".join(blocking)


def test_a_missing_address_gets_the_404_page_with_its_styles(browser, site):
    browser.get(site + "no/such/page/")
    assert browser.find_element("css selector", "main h1").text == "Page not found"
    # Absolute links (from base_url): the stylesheet applied even at this depth.
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Charter" in font, "the theme's serif stack applies"
    link = browser.find_element("css selector", "main a").get_attribute("href")
    assert link == site + "index.html"
