"""The diagrams in real Chromium: each scheme's palette with AA contrast, Material's toggle, and a 390 px phone.

An <img> cannot see the page's colour scheme, so every picture is shown twice, as name.svg#only-light and
name.svg#only-dark; the fragment is the SVG's :target and picks its palette, and Material hides the image of
the other scheme. The contrast is measured in the SVG document itself, loaded with each fragment, from the
computed colours of every text against the box it sits in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from browser import serve
from playwright.sync_api import Browser, Page, ViewportSize

Scheme = Literal["light", "dark"]
DIAGRAMS = ["training-lifecycle", "rlhf-loop", "ppo-grpo-dpo", "deepseek-r1-pipeline"]
FRAGMENT = {"light": "#only-light", "dark": "#only-dark"}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
# Pages that show diagrams: the Diagrams page and a topic introduction with two of them.
PAGES = {"diagrams/": 4, "topics/rl-algorithms/": 2}
PHONE: ViewportSize = {"width": 390, "height": 844}

# For every text: its fill and the fill of the topmost filled rectangle under its centre (painted before it).
# For every rectangle and line drawn with a stroke: that stroke and the background rectangle's fill.
COLOURS = """() => {
  const painted = [...document.querySelectorAll('rect, text')];
  const fill = el => getComputedStyle(el).fill;
  const under = (el) => {
    const box = el.getBBox(), x = box.x + box.width / 2, y = box.y + box.height / 2;
    const rects = painted.slice(0, painted.indexOf(el)).filter(r => r.tagName === 'rect' && fill(r) !== 'none');
    const hits = rects.filter(r => { const b = r.getBBox();
      return b.x <= x && x <= b.x + b.width && b.y <= y && y <= b.y + b.height; });
    return hits.length ? fill(hits[hits.length - 1]) : null;
  };
  const background = fill(document.querySelector('rect.bg'));
  return {
    background,
    texts: [...document.querySelectorAll('text')].map(t => [t.textContent.trim(), fill(t), under(t)]),
    strokes: [...document.querySelectorAll('rect, path')]
      .filter(el => !el.closest('marker') && getComputedStyle(el).stroke !== 'none')
      .map(el => [el.outerHTML.slice(0, 60), getComputedStyle(el).stroke, background]),
    arrowheads: [...document.querySelectorAll('marker path')].map(p => [fill(p), background]),
  };
}"""


def _rgb(css: str) -> tuple[float, float, float]:
    match = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, 1)?\)", css)
    assert match, f"not an opaque colour: {css}"
    red, green, blue = (int(part) for part in match.groups())
    return red, green, blue


def luminance(css: str) -> float:
    """WCAG 2.2 relative luminance of an opaque CSS rgb() colour."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in _rgb(css))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_measured_as_wcag_defines_it() -> None:
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as port:
        yield f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_text_and_line_of_each_palette_meets_aa(
    chromium: Browser, site_url: str, name: str, scheme: Scheme
) -> None:
    page = chromium.new_page()
    page.goto(f"{site_url}assets/diagrams/{name}.svg{FRAGMENT[scheme]}")
    colours: dict[str, Any] = page.evaluate(COLOURS)
    page.close()
    background = luminance(colours["background"])
    assert background < 0.05 if scheme == "dark" else background > 0.9, (
        f"{name}{FRAGMENT[scheme]} kept the other palette"
    )
    assert len(colours["texts"]) > 10
    for text, fill, box in colours["texts"]:
        assert box is not None, f"{text!r} is not over the background or a box"
        assert contrast(fill, box) >= 4.5, f"{name} {scheme}: {text!r} is {contrast(fill, box):.2f}:1"
    # Lines, arrowheads and box outlines carry the picture's meaning: 3:1 against the background (WCAG 1.4.11).
    assert (colours["strokes"] and colours["arrowheads"]) or name == "ppo-grpo-dpo"
    for what, stroke, back in colours["strokes"]:
        assert contrast(stroke, back) >= 3, f"{name} {scheme}: {what} is {contrast(stroke, back):.2f}:1"
    for fill, back in colours["arrowheads"]:
        assert contrast(fill, back) >= 3


# The visible diagram images on the page: their src, link, whether the link is displayed, and the colour of
# the image's top-left pixel as drawn (the SVG's background in the palette the fragment picked).
SHOWN = """() => [...document.querySelectorAll('article img[src*="/diagrams/"]')].map(img => {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const [r, g, b] = context.getImageData(2, 2, 1, 1).data;
  return {src: img.getAttribute('src'), href: img.closest('a').getAttribute('href'),
          shown: img.closest('a').checkVisibility() && img.checkVisibility(), pixel: `rgb(${r}, ${g}, ${b})`,
          page: getComputedStyle(document.body).backgroundColor};
})"""


def _shown(page: Page) -> list[dict[str, Any]]:
    page.wait_for_function("[...document.querySelectorAll('article img')].every(i => i.complete)")
    return [image for image in page.evaluate(SHOWN) if image["shown"]]


def _check_scheme(page: Page, scheme: Scheme, count: int) -> None:
    assert page.evaluate("document.body.dataset.mdColorScheme") == MATERIAL_SCHEME[scheme]
    shown = _shown(page)
    assert len(shown) == count, "one image of each diagram is shown, its other-scheme twin is not"
    for image in shown:
        assert image["src"].endswith(FRAGMENT[scheme]) and image["href"] == image["src"]
        drawn = luminance(image["pixel"])
        assert drawn < 0.05 if scheme == "dark" else drawn > 0.9, f"{image['src']} drawn as {image['pixel']}"
        assert contrast(image["pixel"], image["page"]) < 1.2, "the picture's background is the page's"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_shows_the_palette_of_its_scheme_and_follows_the_toggle(
    chromium: Browser, site_url: str, scheme: Scheme, path: str
) -> None:
    page = chromium.new_page(color_scheme=scheme)
    page.goto(site_url + path)
    _check_scheme(page, scheme, PAGES[path])
    # Material's toggle switches the scheme without a reload; the diagrams follow it.
    page.locator("form[data-md-component=palette] label:visible").click()
    _check_scheme(page, "light" if scheme == "dark" else "dark", PAGES[path])
    hidden_links = page.evaluate(
        """() => [...document.querySelectorAll('article a:has(> img[src*="/diagrams/"])')]
              .filter(a => !a.checkVisibility()).map(a => getComputedStyle(a).display)"""
    )
    page.close()
    assert hidden_links == ["none"] * PAGES[path], "the other scheme's link is out of the tab order"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_390_px_phone_the_diagrams_keep_their_size_and_scroll_inside_the_column(
    chromium: Browser, site_url: str, scheme: Scheme, path: str
) -> None:
    page = chromium.new_page(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    page.goto(site_url + path)
    _check_scheme(page, scheme, PAGES[path])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page overflows"
    regions = page.evaluate(
        """() => [...document.querySelectorAll('article a:has(> img[src*="/diagrams/"])')]
          .filter(a => a.checkVisibility()).map(a => {
            const img = a.querySelector('img'), region = a.parentElement, box = region.getBoundingClientRect();
            const before = img.getBoundingClientRect().width;
            region.scrollLeft = region.scrollWidth;
            const end = [img.getBoundingClientRect().right, region.getBoundingClientRect().right];
            region.scrollLeft = 0;
            return {src: img.getAttribute('src'), width: before, natural: img.naturalWidth,
                    left: box.left, right: box.right, overflow: getComputedStyle(region).overflowX, end};
          })"""
    )
    assert len(regions) == PAGES[path]
    for region in regions:
        # Drawn at the SVG's own size, where its smallest text is 12 px and most is 14 px.
        assert region["width"] == region["natural"] == 900, region["src"]
        assert region["left"] >= 0 and region["right"] <= PHONE["width"], f"{region['src']}'s region leaves the page"
        assert region["overflow"] == "auto"
        image_right, region_right = region["end"]
        assert abs(image_right - region_right) <= 1, f"{region['src']} cannot be scrolled to its right edge"
    page.close()


def test_on_a_phone_the_keyboard_reaches_and_scrolls_a_diagram(chromium: Browser, site_url: str) -> None:
    page = chromium.new_page(viewport=PHONE)
    page.goto(site_url + "diagrams/")
    # The next tab stop after the section's permalink is the shown diagram's link, which opens it at full size.
    page.focus("#the-rlhf-loop a.headerlink")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const a = document.activeElement, style = getComputedStyle(a);
          return [new URL(a.href).pathname + new URL(a.href).hash, a.matches(':focus-visible'), style.outlineStyle,
                  parseFloat(style.outlineWidth)]; }"""
    )
    assert focused[0] == "/assets/diagrams/rlhf-loop.svg#only-light"
    assert focused[1:3] == [True, "solid"] and focused[3] >= 2, "the focused diagram shows a focus ring"
    region = page.locator("figure.qb-diagram:has(img[src*='rlhf-loop']) .qb-diagram__scroll")
    assert region.evaluate("r => r.scrollLeft") == 0
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # The arrow keys scroll the focused diagram's region (smoothly, so wait for it).
    page.wait_for_function("r => r.scrollLeft > 100", arg=region.element_handle(), timeout=3000)
    page.keyboard.press("Enter")
    page.wait_for_url("**/assets/diagrams/rlhf-loop.svg#only-light")
    size = page.evaluate("() => [document.documentElement.getBoundingClientRect().width, innerWidth]")
    page.close()
    assert size == [900, PHONE["width"]], "opened on its own, the picture keeps its size"
