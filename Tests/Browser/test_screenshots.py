"""Screenshots for people to look at: a note, and the topic whose figures disagree (10,000 vs 12,000)."""
import base64
import os

from selenium.webdriver.common.by import By

from conftest import PAGES


def full_page_png(driver):
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1},
    })
    return base64.b64decode(shot["data"])


def test_screenshots_of_a_note_and_a_disputed_topic(browser, site):
    folder = os.environ.get("BRIEFING_SCREENS", "/tmp/briefing-screens")
    os.makedirs(folder, exist_ok=True)
    for name, kind in [("note", "note"), ("topic-disputed", "topic")]:
        browser.get(site + PAGES[kind])
        if kind == "topic":
            assert browser.find_elements(By.CSS_SELECTOR, "li.claim.standing-disputed"), "the topic has a dispute"
        png = full_page_png(browser)
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        with open(os.path.join(folder, name + ".png"), "wb") as file:
            file.write(png)
