"""The search box: Pagefind finds claims by the words of their statements, with the digest's filters. Without
JavaScript, or from disk, there is no box at all."""
import os

import pytest
from axe_selenium_python import Axe
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PAGES, search_ready, severe_console_entries


def test_search_finds_a_claim_by_a_word_of_its_statement(browser, site):
    browser.get(site + PAGES["note"])
    box = search_ready(browser)
    assert box.accessible_name == "Search the digest", "the search field is named by its visible label"
    box.send_keys("relocated")
    claims = site + "claims/index.html"

    def claims_result(driver):
        # Pagefind fills its results in as their fragments load: wait for the claims page among them.
        for result in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result"):
            links = result.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
            if links and (links[0].get_attribute("href") or "").startswith(claims) and "relocated" in result.text.lower():
                return result
        return False

    assert WebDriverWait(browser, 15, ignored_exceptions=[StaleElementReferenceException]).until(claims_result)
    filters = WebDriverWait(browser, 10).until(
        lambda d: {f.text.strip().lower() for f in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-name")} or False
    )
    assert {"topic", "outlet", "standing"} <= filters, filters
    assert severe_console_entries(browser) == []


def test_search_results_open_the_page(browser, site):
    browser.get(site + PAGES["index"])
    search_ready(browser).send_keys("relocated")
    href = WebDriverWait(browser, 15, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: next((a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
                        if a.get_attribute("href")), False)
    )
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: any(a.click() or True for a in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
                      if a.get_attribute("href") == href)
    )
    WebDriverWait(browser, 10).until(lambda d: d.current_url == href)
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text
    assert severe_console_entries(browser) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_results_and_filters(browser, site, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(site + PAGES["note"])
    search_ready(browser).send_keys("relocated")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result") or False)
    for name in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-name"):
        name.click()  # open each filter group, so that its checkboxes are scanned too
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert [v["id"] for v in violations if v["impact"] in {"serious", "critical"}] == []


def test_without_javascript_there_is_no_search_box(browser, site):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(site + PAGES["note"])
        assert not browser.find_element(By.CSS_SELECTOR, ".site-search").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "main h1").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_from_disk_there_is_no_search_box_and_no_error(browser, www):
    browser.get("file://" + os.path.join(www, "briefing", PAGES["note"]))
    assert browser.find_element(By.CSS_SELECTOR, "main h1").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, ".site-search").is_displayed()
    assert severe_console_entries(browser) == []
