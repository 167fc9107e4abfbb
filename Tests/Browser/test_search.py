"""The search box: Pagefind finds claims by the words of their statements, with the digest's filters. Without
JavaScript, or from disk, there is no box at all."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PAGES, search_ready, severe_console_entries


def test_search_finds_a_claim_by_a_word_of_its_statement(browser, site):
    browser.get(site + PAGES["note"])
    box = search_ready(browser)
    assert box.accessible_name == "Search the digest", "the search field is named by its visible label"
    box.send_keys("relocated")
    results = WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result") or False
    )
    found = {
        result.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link").get_attribute("href"): result.text
        for result in results
    }
    claims = site + "claims/index.html"
    assert any(href.startswith(claims) for href in found), f"the claims page is a result: {list(found)}"
    text = next(text for href, text in found.items() if href.startswith(claims))
    assert "relocated" in text.lower()
    filters = {f.text.lower() for f in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-name")}
    assert {"topic", "outlet", "standing"} <= {name.split()[0] for name in filters if name}, filters
    assert severe_console_entries(browser) == []


def test_search_results_open_the_page(browser, site):
    browser.get(site + PAGES["index"])
    search_ready(browser).send_keys("relocated")
    link = WebDriverWait(browser, 10).until(
        lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")), False)
    )
    href = link.get_attribute("href")
    link.click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url == href)
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text
    assert severe_console_entries(browser) == []


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
