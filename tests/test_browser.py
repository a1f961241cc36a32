"""The status site in real headless Chromium over file:// (no server): every page type at desktop
and phone widths, every internal link and download, the hostile report, no-JS and print."""

from __future__ import annotations

import re
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
