"""The reader's page in a real browser: headless Chromium (Debian's, through Playwright) against a real server.

It pastes articles and gets a summary, follows a citation to the highlighted source sentence (by mouse and
by keyboard), opens a story page, and checks that markup in articles is shown as text and never runs.
Screenshots go to $STORYLINE_SCREENSHOTS, or to a temporary directory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest

from storyline.service.launch import ServerProcess

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"
TOKEN = "browser-token-123"
SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


def texts() -> list[str]:
    courier, wire = ((EXAMPLE / name).read_text(encoding="utf-8") for name in ("coastal-courier.txt", "north-sea-wire.txt"))
    caption = "Firefighters walk past the warehouse in Port Aldren on Wednesday. (AP Photo/Ole Vik)"  # blanked on a page
    return [courier, wire.rstrip() + f"\n\n{caption}\n\n{SCRIPT}\n\nMore on this story later. {IMAGE}\n"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    with ServerProcess("--workers", "2", "--db", root / "stories.db", "--token", TOKEN, log_path=root / "server.log") as server:
        courier, wire = texts()
        batch = {"articles": [
            {"id": "courier", "text": courier, "title": f"{IMAGE}Warehouse fire at Port Aldren harbour", "source": "Coastal Courier",
             "published": "2031-03-13T07:42:00Z", "url": "javascript:window.__pwned=3"},
            {"id": "wire", "text": wire, "source": "North Sea Wire", "published": "2031-03-12T08:10:00Z",
             "url": "https://wire.example/port-aldren-fire"},
        ]}
        response = httpx.post(server.url + "/articles", json=batch, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        assert response.status_code == 200, response.text
        yield server


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def not_run(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # app.js alone
    assert page.evaluate("document.querySelectorAll('main img').length") == 0


def test_paste_summarize_and_follow_a_citation(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/", wait_until="networkidle")
    page.wait_for_selector(".story-item")
    page.fill("#summarize-input", "\n---\n".join(texts()))
    page.fill("#summarize-words", "80")
    page.click("#summarize-button")
    page.wait_for_selector("#paste-summary .sentence", timeout=15_000)

    expected = httpx.post(server.url + "/summarize?texts=true", json={"documents": texts(), "words": 80}, timeout=30).json()
    sentences = page.locator("#paste-summary .sentence")
    assert sentences.count() == len(expected["sentences"])
    assert sentences.first.text_content() == expected["sentences"][0]["text"]

    last = expected["sentences"][-1]
    ref = last["sources"][0]
    cite = page.locator(f"#paste-summary-s{len(expected['sentences']) - 1} + .cites .cite").first
    cite.click()
    mark = page.locator(".pane mark")
    mark.wait_for()
    assert mark.text_content() == expected["texts"][ref["doc"]][ref["start"]:ref["end"]]
    assert mark.is_visible() and mark.evaluate("node => document.activeElement === node")
    assert "active" in (page.locator(f"#paste-summary-s{len(expected['sentences']) - 1}").get_attribute("class") or "")
    page.screenshot(path=str(shots / "reader-summary.png"), full_page=True)

    # by keyboard: focus the first citation, press Enter
    page.locator("#paste-summary .cite").first.focus()
    page.keyboard.press("Enter")
    first = expected["sentences"][0]["sources"][0]
    page.wait_for_function("text => document.querySelector('.pane mark')?.textContent === text",
                           arg=expected["texts"][first["doc"]][first["start"]:first["end"]])

    # the article that carries a script: shown as text, never run
    page.locator(".sources .linklike").nth(1).click()
    pane_text = page.locator(".pane .doc-text").text_content() or ""
    assert SCRIPT in pane_text and IMAGE in pane_text
    not_run(page)
    assert not errors, errors
    page.close()


def test_past_eight_citations_a_button_shows_the_others(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url + "/", wait_until="networkidle")
    courier = texts()[0]
    page.fill("#summarize-input", "\n---\n".join(f"{courier}\n\nEdition {n}." for n in range(10)))  # ten outlets, one story
    page.fill("#summarize-words", "40")
    page.click("#summarize-button")
    page.wait_for_selector("#paste-summary .sentence", timeout=15_000)
    cites = page.locator("#paste-summary-s0 + .cites")
    assert cites.locator(".cite").all_text_contents() == [str(n) for n in range(1, 9)]
    more = cites.locator(".more-cites")
    assert more.text_content() == "+2" and more.get_attribute("title") == "Show 2 more sources"
    more.focus()
    page.keyboard.press("Enter")
    assert cites.locator(".cite").all_text_contents() == [str(n) for n in range(1, 11)]
    assert cites.locator(".more-cites").count() == 0
    assert page.evaluate("document.activeElement.textContent") == "9"  # the focus goes on to the first shown
    page.close()


def test_a_story_page(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/", wait_until="networkidle")
    link = page.locator(".story-item .headline").first
    assert link.text_content().startswith(IMAGE)  # the title's markup, as text
    link.click()
    page.wait_for_selector("#story-summary .sentence", timeout=15_000)
    assert page.locator("#story-title").text_content().startswith(IMAGE)
    assert "2 articles" in (page.locator("#story-meta").text_content() or "")
    assert page.locator("#story-outlets .chip").all_text_contents() == ["Coastal Courier", "North Sea Wire"]
    assert page.locator("#story-quotes li").count() >= 1 and page.locator("#story-timeline li").count() >= 1
    days = page.locator("#story-summary .summary-text .day").all_text_contents()  # told over two days: a paragraph a day
    assert len(days) == 2 and page.locator("#story-summary .summary-text p").count() == 2, days
    # an article's javascript: address is no link; a web address is
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("a[href='https://wire.example/port-aldren-fire']").count() >= 1

    page.locator("#story-summary .cite").first.click()
    page.locator("#story-pane mark").wait_for()
    assert page.locator("#story-pane mark").is_visible()
    for source in range(page.locator("#story-summary .sources .linklike").count()):  # a blanked caption leaves no hole
        page.locator("#story-summary .sources .linklike").nth(source).click()
        assert not re.search(r"\n[ \t]{5,}(\n|$)", page.locator("#story-pane .doc-text").text_content() or "")

    page.fill("#news-reader", "ana")
    page.click("#news-form button")
    page.wait_for_selector("#news-summary .sentence")
    page.screenshot(path=str(shots / "reader-story.png"), full_page=True)
    page.click("#news-form button")
    page.wait_for_function("() => document.querySelector('#news-status').textContent.includes('Nothing new')")
    not_run(page)
    assert not errors, errors
    page.close()


def test_on_a_phone_the_source_slides_up_and_escape_puts_it_away(server, browser, shots):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(server.url + "/story/1", wait_until="networkidle")
    page.wait_for_selector("#story-summary .sentence", timeout=15_000)
    assert page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]") == [390, 390]  # nothing wider than the screen
    cite = page.locator("#story-summary .cite").first
    cite.click()
    page.locator("#story-pane mark").wait_for()
    page.wait_for_timeout(300)  # the slide
    assert page.locator("#story-pane mark").is_visible()
    page.screenshot(path=str(shots / "reader-phone.png"))
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#story-pane').classList.contains('open')")
    assert page.locator("#story-summary .sentence.active, #story-summary .cite.active").count() == 0
    # at any width, each sentence's citations start on the line its text ends on, never on the next line
    for width in range(320, 421, 4):
        page.set_viewport_size({"width": width, "height": 844})
        apart = page.evaluate("""() => [...document.querySelectorAll('#story-summary .sentence')].filter((sentence) => {
            const lines = sentence.getClientRects(), chip = sentence.nextElementSibling.querySelector('.cite');
            return Math.abs(chip.getBoundingClientRect().bottom - lines[lines.length - 1].bottom) > 8;
        }).length""")
        assert apart == 0, width
    not_run(page)
    page.close()


def test_a_story_that_does_not_exist_shows_the_error_alone(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url + "/story/999", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('#story-title').textContent === 'No such story'")
    assert "no story 999" in (page.locator("#story-status").text_content() or "")
    assert not page.locator("#story-body").is_visible() and not page.locator("#coverage-heading").is_visible()
    page.close()
