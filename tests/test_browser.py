"""The status site in real headless Chromium over file:// (no server): every page type at desktop
and phone widths, every internal link and download, the hostile report, no-JS and print; tables that
fit at 1366×900, 390×844 and in print (A4), collapsed lists printed open; search over HTTP."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gateway.app.instance import Instance
from tests.chromium import artifacts, browser  # noqa: F401 - pytest fixtures
from tests.site_data import build_province, site_dir

WIDTHS = {"desktop": 1280, "phone": 375}
PAGE_TYPES = [
    "index.html", "don-vi/index.html", "don-vi/SKHCN.html", "don-vi/CAT.html", "nhiem-vu/index.html",
    "nhiem-vu/loc/qua-han.html", "nhiem-vu/loc/nhom-da06.html", "nhiem-vu/NV01.html", "nhiem-vu/NV02.html",
    "kho-khan/index.html", "danh-gia/index.html", "luu-tru/index.html", "luu-tru/ngay-2025-05-20.html",
    "luu-tru/tuan-2025-W21.html", "huong-dan/index.html", "huong-dan/CAT.html", "du-lieu/index.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inst: Instance = build_province(tmp_path_factory.mktemp("browser") / "p")
    return site_dir(inst)


class Watch:
    """Everything a page must not do: console errors, uncaught exceptions, dialogs, network."""

    def __init__(self, page) -> None:  # noqa: ANN001 - a Playwright Page
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
                else self.problems.append(f"external request: {r.url}"))

    def _dialog(self, dialog) -> None:  # noqa: ANN001
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


def _open(browser, width: int, js: bool = True):  # noqa: ANN001, F811
    ctx = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=js,
                              accept_downloads=True)
    page = ctx.new_page()
    return ctx, page, Watch(page)


@pytest.mark.parametrize("device", list(WIDTHS))
def test_every_page_type_renders_cleanly(browser, artifacts: Path, site: Path, device: str) -> None:  # noqa: ANN001, F811
    ctx, page, watch = _open(browser, WIDTHS[device])
    try:
        for rel in PAGE_TYPES:
            page.goto((site / rel).as_uri(), wait_until="load")
            assert page.title().endswith("Kênh báo cáo điện tử"), rel
            assert "Dữ liệu cập nhật lúc" in page.inner_text("main"), rel
            sw, iw = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            assert sw <= iw, f"{rel} at {device}: page is {sw}px wide in a {iw}px window"
            page.screenshot(path=str(artifacts / f"{device}-{rel.replace('/', '_').removesuffix('.html')}.png"),
                            full_page=True)
        assert not watch.problems, watch.problems
    finally:
        ctx.close()


def test_hostile_report_is_inert(browser, site: Path) -> None:  # noqa: ANN001, F811
    for width in WIDTHS.values():
        ctx, page, watch = _open(browser, width)
        try:
            for rel in ("nhiem-vu/NV02.html", "luu-tru/ngay-2025-05-20.html", "kho-khan/index.html", "index.html",
                        "don-vi/CAT.html"):
                page.goto((site / rel).as_uri(), wait_until="load")
                page.wait_for_timeout(50)
                assert page.evaluate("window.__pwned === undefined"), rel
                assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
                assert page.evaluate("[...document.scripts].map(s => s.src.split('/').pop())") == ["site.js"]
                assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
                assert page.evaluate("document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0
                assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
                assert "<script>window.__pwned" in page.inner_text("main") or rel in ("index.html", "don-vi/CAT.html")
                sw, iw = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
                assert sw <= iw, (rel, width, sw)
                # The bidi override stays inside its <bdi>: the heading after it reads left to right.
                assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "ltr"
            assert not watch.problems, watch.problems
        finally:
            ctx.close()


def _target(base: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path)), parts.fragment


def test_every_internal_link_and_download_resolves(browser, site: Path) -> None:  # noqa: ANN001, F811
    """Crawl from the home page through every <a href>, <link href> and <script src>."""
    ctx, page, watch = _open(browser, 1280)
    root = site.resolve()
    seen: set[Path] = set()
    todo = [root / "index.html"]
    checked_links = 0
    try:
        while todo:
            p = todo.pop()
            if p in seen:
                continue
            seen.add(p)
            page.goto(p.as_uri(), wait_until="load")
            urls = page.evaluate("""[...document.querySelectorAll('a[href], link[href], script[src]')]
                                     .map(e => e.href || e.src)""")
            for url in urls:
                if url.startswith("mailto:"):  # the guide's reporting address
                    continue
                target, fragment = _target(p, url)
                checked_links += 1
                assert target.is_file(), f"{p.relative_to(root)} links to missing {url}"
                assert root in target.parents, f"{p.relative_to(root)} links outside the site: {url}"
                if fragment and target.suffix == ".html":
                    assert re.search(rf'id="{re.escape(fragment)}"', target.read_text(encoding="utf-8")), url
                if target.suffix == ".html" and target not in seen:
                    todo.append(target)
        assert not watch.problems, watch.problems
    finally:
        ctx.close()
    all_pages = set(root.rglob("*.html"))
    assert all_pages <= seen, f"pages no link reaches: {sorted(str(x.relative_to(root)) for x in all_pages - seen)}"
    assert checked_links > 500


def test_downloads_are_served_as_files(browser, site: Path, tmp_path: Path) -> None:  # noqa: ANN001, F811
    ctx, page, watch = _open(browser, 1280)
    try:
        page.goto((site / "huong-dan/SKHCN.html").as_uri())
        with page.expect_download() as dl:
            page.click("text=Tải mẫu Excel (.xlsx)")
        saved = tmp_path / dl.value.suggested_filename
        dl.value.save_as(saved)
        assert saved.name == "mau-SKHCN.xlsx" and saved.read_bytes() == (site / "huong-dan/mau-SKHCN.xlsx").read_bytes()
        page.goto((site / "du-lieu/index.html").as_uri())
        with page.expect_download() as dl:
            page.click("a[href='bao-cao-tong-hop.xlsx']")
        assert dl.value.failure() is None
        assert not watch.problems, watch.problems
    finally:
        ctx.close()


def test_optional_javascript_sorts_and_filters(browser, site: Path) -> None:  # noqa: ANN001, F811
    ctx, page, watch = _open(browser, 1280)
    try:
        page.goto((site / "nhiem-vu/index.html").as_uri())
        assert page.is_visible("#task-filter")
        page.select_option("select[data-filter=state]", "overdue")
        visible = page.evaluate("[...document.querySelectorAll('#task-table tbody tr')].filter(r => !r.hidden)"
                                ".map(r => r.dataset.state)")
        assert visible == ["overdue"]
        page.select_option("select[data-filter=state]", "")
        page.select_option("select[data-filter=unit]", "SKHCN")
        codes = page.evaluate("[...document.querySelectorAll('#task-table tbody tr')].filter(r => !r.hidden)"
                              ".map(r => r.querySelector('th').textContent.trim())")
        assert sorted(codes) == ["NV01", "NV02"]  # led and supported
        page.goto((site / "danh-gia/index.html").as_uri())
        page.click("table.sortable thead th:nth-child(7) button")  # reporting rate, ascending
        page.click("table.sortable thead th:nth-child(7) button")  # descending
        rates = page.evaluate("[...document.querySelectorAll('table.sortable tbody tr')]"
                              ".map(r => parseFloat(r.children[6].dataset.sort))")
        assert rates == sorted(rates, reverse=True)
        assert not watch.problems, watch.problems
    finally:
        ctx.close()


def test_works_without_javascript_and_prints(browser, artifacts: Path, site: Path) -> None:  # noqa: ANN001, F811
    ctx, page, watch = _open(browser, 375, js=False)
    try:
        page.goto((site / "nhiem-vu/index.html").as_uri())
        assert not page.is_visible("#task-filter")  # the JS filter stays hidden ...
        page.click("text=Quá hạn (1)")  # ... and the pre-rendered views do the filtering
        assert page.url.endswith("nhiem-vu/loc/qua-han.html")
        assert page.locator("#task-table tbody tr").count() == 1
        page.goto((site / "index.html").as_uri())
        page.emulate_media(media="print")
        assert not page.is_visible("header.top nav")
        page.screenshot(path=str(artifacts / "print-index.png"), full_page=True)
        assert not watch.problems, watch.problems
    finally:
        ctx.close()


# -- tables fit (SPEC §8.2): 1366×900, 390×844 and print; search over HTTP ----------------------
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
PAGES = ["index.html", "don-vi/index.html", "don-vi/SKHCN.html", "nhiem-vu/index.html", "nhiem-vu/loc/nhom-da06.html",
         "nhiem-vu/NV01.html", "kho-khan/index.html", "danh-gia/index.html", "danh-gia/2025-05.html",
         "danh-gia/lanh-dao.html", "chuong-trinh/da06.html", "luu-tru/tuan-2025-W21.html", "huong-dan/index.html",
         "tim-kiem/index.html", "du-lieu/index.html"]

# Elements wider than the box they sit in (a scrolled-away column is one), and columns whose
# header is not inside the table's visible box.
OVERFLOW_JS = """() => {
  const bad = [];
  const main = document.querySelector('main').getBoundingClientRect();
  for (const el of document.querySelectorAll('main table, main pre, main svg, main dl, main ul, main p')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'svg') bad.push(el.tagName + ' scrolls ' + el.scrollWidth + '>' + el.clientWidth);
    if (r.right > main.right + 1) bad.push(el.tagName + ' ends at ' + Math.round(r.right) + ' past ' + Math.round(main.right));
  }
  for (const th of document.querySelectorAll('main thead th')) {
    const cs = getComputedStyle(th.closest('thead'));
    if (cs.display === 'none') continue;  // a stacked phone table: each cell carries its label
    const t = th.closest('table').getBoundingClientRect(), r = th.getBoundingClientRect();
    if (r.right > t.right + 1 || r.left < t.left - 1) bad.push('column "' + th.textContent.trim() + '" outside its table');
  }
  return bad;
}"""


@pytest.mark.parametrize("device", list(SIZES))
def test_no_cut_or_hidden_column(browser, artifacts: Path, site: Path, device: str) -> None:  # noqa: ANN001, F811
    w, h = SIZES[device]
    ctx = browser.new_context(viewport={"width": w, "height": h})
    page = ctx.new_page()
    try:
        problems = {}
        for rel in PAGES:
            page.goto((site / rel).as_uri(), wait_until="load")
            bad = page.evaluate(OVERFLOW_JS)
            if bad:
                problems[rel] = bad
            sw = page.evaluate("document.scrollingElement.scrollWidth")
            assert sw <= w, f"{rel} at {device}: {sw}px wide"
            page.screenshot(path=str(artifacts / f"layout-{device}-{rel.replace('/', '_').removesuffix('.html')}.png"),
                            full_page=True)
        assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
        # The scores table: every column shown (on a phone each row's cells carry their labels).
        page.goto((site / "danh-gia/index.html").as_uri(), wait_until="load")
        cells = page.locator("table.scores tbody tr").first.locator("td")
        for i in range(cells.count()):
            assert cells.nth(i).is_visible(), i
        if device == "phone":
            label = page.evaluate("""getComputedStyle(document.querySelector('table.tasks td[data-label], table.scores td[data-label]'),
                                   '::before').content""")
            assert label not in ("none", "normal"), label
            # The trend chart's text is legible on a phone (the narrow chart is shown).
            page.goto((site / "index.html").as_uri(), wait_until="load")
            size = page.evaluate("""(() => { const t = [...document.querySelectorAll('svg.trend')].find(s => s.getBoundingClientRect().width > 0)
                                    .querySelector('text.axis'); return t.getBoundingClientRect().height; })()""")
            assert size >= 9, size
    finally:
        ctx.close()


def test_print_opens_collapsed_lists_and_hides_controls(browser, artifacts: Path, site: Path) -> None:  # noqa: ANN001, F811
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    try:
        page.goto((site / "danh-gia/index.html").as_uri(), wait_until="load")
        page.emulate_media(media="print")
        arrow = page.evaluate("getComputedStyle(document.querySelector('th button.sort'), '::after').content")
        assert arrow in ("none", "normal"), arrow
        page.pdf(path=str(artifacts / "print-danh-gia.pdf"), format="A4")
        # A4 less 1.5 cm margins is ~680 CSS px: the scores table fits it with every column.
        page.set_viewport_size({"width": 680, "height": 900})
        assert page.evaluate(OVERFLOW_JS) == []
        page.goto((site / "index.html").as_uri(), wait_until="load")
        page.emulate_media(media="print")
        closed = page.locator("details:not([open]) table, details:not([open]) ul").first
        assert closed.count() and closed.is_visible()  # a collapsed list prints open
        page.pdf(path=str(artifacts / "print-home.pdf"), format="A4")
    finally:
        ctx.close()


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_search_finds_a_difficulty_by_a_word_of_its_text(browser, artifacts: Path, site: Path, served: str) -> None:  # noqa: ANN001, F811
    assert (site / "pagefind/pagefind.js").is_file()
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Every request the page makes succeeds (the browser's own /favicon.ico aside).
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    try:
        page.goto(served + "tim-kiem/index.html", wait_until="load")
        page.locator("#q").fill("kinh phí")
        page.wait_for_selector(".results li a", timeout=15_000)
        links = page.eval_on_selector_all(".results li a", "els => els.map(a => a.getAttribute('href'))")
        assert any("kho-khan" in h or "nhiem-vu/NV01" in h for h in links), links
        assert page.locator(".results mark").count() > 0
        # A hostile report's markup is text in the results too.
        page.locator("#q").fill("pwned")
        page.wait_for_timeout(800)
        assert page.evaluate("window.__pwned === undefined")
        page.screenshot(path=str(artifacts / "search.png"), full_page=True)
        assert not errors, errors
    finally:
        ctx.close()


def test_search_index_is_byte_stable(site: Path) -> None:
    from site_builder import search

    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    first, second = search.index(files), search.index(files)
    assert first and first == second
    built = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}
    assert built == first
