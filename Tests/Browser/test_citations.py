"""Citation markers lead to their footnotes, and the footnotes' back-links lead back to the markers."""
from selenium.webdriver.common.by import By

from conftest import PAGES


def target_id(driver):
    return driver.execute_script("const t = document.querySelector(':target'); return t ? t.id : null")


def in_view(driver, element):
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.height > 0",
        element,
    )


def test_a_marker_leads_to_its_footnote_and_back(browser, site):
    browser.get(site + PAGES["note"])
    marker = browser.find_elements(By.CSS_SELECTOR, "sup.citation a")[1]
    footnote_id = marker.get_attribute("href").split("#", 1)[1]
    marker_id = marker.get_attribute("id")
    marker.click()
    assert browser.current_url.endswith("#" + footnote_id)
    assert target_id(browser) == footnote_id
    footnote = browser.find_element(By.ID, footnote_id)
    assert in_view(browser, footnote), "the footnote is scrolled into view"
    assert footnote.find_element(By.CSS_SELECTOR, ".reference .outlet").text, "a source footnote names its outlet"

    back = footnote.find_element(By.CSS_SELECTOR, f'.back-references a[href="#{marker_id}"]')
    back.click()
    assert browser.current_url.endswith("#" + marker_id)
    assert target_id(browser) == marker_id
    assert in_view(browser, browser.find_element(By.ID, marker_id)), "back at the marker"


def test_a_claim_address_lands_on_the_claim(browser, site):
    browser.get(site + PAGES["claim"])
    claim_id = PAGES["claim"].split("#", 1)[1]
    assert target_id(browser) == claim_id
    claim = browser.find_element(By.ID, claim_id)
    assert in_view(browser, claim)
    assert "Disputed" in claim.find_element(By.CSS_SELECTOR, ".badge").text.title()
