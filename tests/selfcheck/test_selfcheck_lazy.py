"""Questions are enhanced when they come near the window, get the focus, are linked to, or printed; once only.

Doing every question of a long topic page at load made the browser lay the whole page out again (issue 10).
In the sample site, the alpha questions sit below a long introduction: far from the top of a small window.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from .conftest import NewPage

SMALL = {"width": 800, "height": 400}


def question(page: Page, qid: str) -> Locator:
    return page.locator(f"section.qb-question[data-qid={qid}]")


def enhanced(q: Locator) -> bool:
    return q.evaluate("s => s.dataset.qbReady === '1'") is True


def test_a_question_far_down_is_enhanced_when_scrolled_to(new_page: NewPage) -> None:
    page = new_page(viewport=SMALL)
    page.goto("topics/alpha/")
    expect(page.locator(".qb-progress")).to_be_visible()  # the script has run
    single = question(page, "alpha-single")
    assert not enhanced(single)
    expect(single.locator(".qb-choices ol > li")).to_have_count(3)  # still the list a reader without JavaScript gets
    single.scroll_into_view_if_needed()
    expect(single.locator("fieldset input[type=radio]")).to_have_count(3)
    expect(single.get_by_role("button", name="Check")).to_be_visible()


def test_a_question_far_down_is_enhanced_when_it_gets_the_focus(new_page: NewPage) -> None:
    page = new_page(viewport=SMALL)
    page.goto("topics/alpha/")
    expect(page.locator(".qb-progress")).to_be_visible()
    multi = question(page, "alpha-multi")
    assert not enhanced(multi)
    links = multi.locator(".qb-links > summary")
    links.evaluate("e => e.focus({ preventScroll: true })")  # the focus alone, no scrolling
    expect(multi.locator("fieldset input[type=checkbox]")).to_have_count(4)
    expect(links).to_be_focused()  # enhancing did not take the focus away
    assert page.evaluate("scrollY") == 0


def test_a_question_linked_to_is_enhanced_at_once(new_page: NewPage) -> None:
    page = new_page(viewport=SMALL)
    page.goto("topics/alpha/#alpha-multi")
    multi = question(page, "alpha-multi")
    expect(multi.locator("fieldset input[type=checkbox]")).to_have_count(4)
    top = page.locator("#alpha-multi").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200, f"the question's heading is at {top}px, not near the top of the window"


def test_printing_enhances_every_question(new_page: NewPage) -> None:
    page = new_page(viewport=SMALL)
    page.goto("topics/alpha/")
    expect(page.locator(".qb-progress")).to_be_visible()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("section.qb-question").evaluate_all("s => s.every(q => q.dataset.qbReady === '1')")


def test_a_question_reached_every_way_is_enhanced_once(new_page: NewPage) -> None:
    page = new_page(viewport=SMALL)
    page.goto("topics/alpha/#alpha-single")
    single = question(page, "alpha-single")
    expect(single.locator("fieldset")).to_have_count(1)
    single.locator(".qb-links > summary").focus()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.mouse.wheel(0, -2000)
    single.scroll_into_view_if_needed()
    for part, count in (("fieldset", 1), (".qb-option", 3), (".qb-check", 1), (".qb-last", 1), (".qb-feedback", 1)):
        expect(single.locator(part)).to_have_count(count)
    single.get_by_label("Direct preference optimisation").check()
    single.get_by_role("button", name="Check").click()
    expect(single.get_by_role("status")).to_contain_text("Correct")
