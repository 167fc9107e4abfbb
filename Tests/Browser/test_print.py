"""The printable digest paginates: several A4 pages, and every topic starts a page of its own."""
import base64
import io
import unicodedata

from pypdf import PdfReader
from selenium.webdriver.common.by import By

from conftest import PAGES


def test_the_print_page_paginates_with_a_page_per_topic(browser, site):
    browser.get(site + PAGES["print"])
    topics = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".print-topic .page-header h2")]
    assert len(topics) >= 3
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    assert len(reader.pages) > len(topics), "more pages than topics"
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 210) < 2 and abs(height - 297) < 2, "A4, from @page in the stylesheet"
    openings = []
    for page in reader.pages:
        text = unicodedata.normalize("NFKC", page.extract_text())  # "ﬁ" ligatures back to "fi"
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        openings.append(" ".join(lines[:3]).lower())
    for title in topics:
        assert any(opening.startswith("topic " + title.lower()) for opening in openings), (
            f"topic '{title}' starts a new page; page openings: {openings}"
        )
