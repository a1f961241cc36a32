"""Charts as inline SVG, drawn at build time: no chart library in the browser, no inline style
(the CSP allows only the site's stylesheet), colours from CSS classes, and every status also told
by shape or text so that colour is never the only signal. Each chart sits next to a table or text
alternative in the templates; the SVG itself carries a <title> and <desc>."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

from parsers.models import Cell, Rates

# Symbols common to Windows, macOS, Android and Linux fonts (no emoji-only code points).
SYMBOL = {"on_time": "✔", "late": "⚠", "missing": "✘", "pending": "…", "exempt": "○", "completed": "✔", "in_progress": "▶",
          "not_started": "○", "paused": "‖", "overdue": "!", "none": "–"}
WEEKDAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]


def _svg(view_w: float, view_h: float, title: str, desc: str, body: str, cls: str, uid: str,
         scale: float = 1) -> Markup:
    return Markup(
        f'<svg class="chart {cls}" width="{view_w * scale:g}" height="{view_h * scale:g}" viewBox="0 0 {view_w:g} {view_h:g}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>{body}</svg>')


def trend(points: Sequence[tuple[date, Rates]], uid: str = "trend", narrow: bool = False) -> Markup:
    """Reporting rate (solid line, round markers) and on-time rate (dashed, square markers).
    `narrow`: drawn for a phone (340 units wide, fewer date labels), so that its text keeps ~11 px
    where the wide chart, scaled down to a phone, would print it at 6 px."""
    pts = [(d, r) for d, r in points if r.expected]
    if not pts:
        return Markup("")
    w, h, left, right, top, bottom = (340, 230, 40, 10, 14, 38) if narrow else (640, 240, 44, 12, 14, 38)
    pw, ph = w - left - right, h - top - bottom
    n = len(pts)

    def x(i: int) -> float:
        return left + (pw * i / (n - 1) if n > 1 else pw / 2)

    def y(v: float) -> float:
        return top + ph * (1 - v)

    body: list[str] = []
    for v in (0, 0.25, 0.5, 0.75, 1):
        body.append(f'<line class="grid" x1="{left}" x2="{w - right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
                    f'<text class="axis" x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{round(v * 100)}%</text>')
    step = max(1, n // (4 if narrow else 6))
    for i in range(0, n, step):
        body.append(f'<text class="axis" x="{x(i):.1f}" y="{h - bottom + 16}" text-anchor="middle">{pts[i][0]:%d/%m}</text>')
    rep = [(x(i), y(r.reporting_rate or 0)) for i, (_, r) in enumerate(pts)]
    ont = [(x(i), y(r.on_time_rate or 0)) for i, (_, r) in enumerate(pts)]
    body.append('<polyline class="line-rep" points="' + " ".join(f"{a:.1f},{b:.1f}" for a, b in rep) + '"/>')
    body.append('<polyline class="line-ont" points="' + " ".join(f"{a:.1f},{b:.1f}" for a, b in ont) + '"/>')
    for (d, r), (ax, ay), (bx, by) in zip(pts, rep, ont, strict=True):
        tip = escape(f"{d:%d/%m/%Y}: đã báo cáo {r.received}/{r.expected}, đúng hạn {r.on_time}")
        body.append(f'<circle class="pt-rep" cx="{ax:.1f}" cy="{ay:.1f}" r="3.5"><title>{tip}</title></circle>'
                    f'<rect class="pt-ont" x="{bx - 3:.1f}" y="{by - 3:.1f}" width="6" height="6"><title>{tip}</title></rect>')
    ly = h - 8
    second = 135 if narrow else 160
    body.append(f'<line class="line-rep" x1="{left}" x2="{left + 24}" y1="{ly - 4}" y2="{ly - 4}"/>'
                f'<circle class="pt-rep" cx="{left + 12}" cy="{ly - 4}" r="3.5"/>'
                f'<text class="axis" x="{left + 30}" y="{ly}">Tỷ lệ báo cáo</text>'
                f'<line class="line-ont" x1="{left + second}" x2="{left + second + 24}" y1="{ly - 4}" y2="{ly - 4}"/>'
                f'<rect class="pt-ont" x="{left + second + 9}" y="{ly - 7}" width="6" height="6"/>'
                f'<text class="axis" x="{left + second + 30}" y="{ly}">Tỷ lệ đúng hạn</text>')
    last = pts[-1][1]
    desc = (f"{n} ngày làm việc từ {pts[0][0]:%d/%m/%Y} đến {pts[-1][0]:%d/%m/%Y}; ngày gần nhất: "
            f"tỷ lệ báo cáo {round((last.reporting_rate or 0) * 100)}%, đúng hạn {round((last.on_time_rate or 0) * 100)}%.")
    return _svg(w, h, "Tỷ lệ báo cáo ngày", desc, "".join(body), "trend narrow" if narrow else "trend wide", uid)


def _mark(status: str, x: float, y: float, s: float, tip: str) -> str:
    """One calendar square; the shape tells the status without colour."""
    t = f"<title>{escape(tip)}</title>"
    if status == "on_time":
        return f'<rect class="s-on_time" x="{x}" y="{y}" width="{s}" height="{s}" rx="2">{t}</rect>'
    if status == "late":
        return (f'<g class="s-late"><rect x="{x}" y="{y}" width="{s}" height="{s}" rx="2"/>'
                f'<path class="hatch" d="M{x} {y + s}L{x + s} {y}"/>{t}</g>')
    if status == "missing":
        return (f'<g class="s-missing"><rect x="{x + .5}" y="{y + .5}" width="{s - 1}" height="{s - 1}" rx="2"/>'
                f'<path d="M{x + 3} {y + 3}L{x + s - 3} {y + s - 3}M{x + s - 3} {y + 3}L{x + 3} {y + s - 3}"/>{t}</g>')
    if status == "exempt":
        return f'<rect class="s-exempt" x="{x + .5}" y="{y + .5}" width="{s - 1}" height="{s - 1}" rx="7">{t}</rect>'
    return f'<rect class="s-pending" x="{x + .5}" y="{y + .5}" width="{s - 1}" height="{s - 1}" rx="2">{t}</rect>'


def legend_marks(names: dict[str, str]) -> Markup:
    """A small legend: each status's square and its name (the theme's `timeliness` texts)."""
    parts = []
    for i, st in enumerate(("on_time", "late", "missing", "pending")):
        parts.append(f'<svg class="mark" viewBox="0 0 14 14" aria-hidden="true">{_mark(st, 0, 0, 14, "")}</svg> '
                     f'{escape(names[st])}')
        if i < 3:
            parts.append(" · ")
    return Markup('<p class="legend">' + "".join(parts) + "</p>")


def calendar(cells: Sequence[Cell], names: dict[str, str], uid: str = "cal") -> Markup:
    """Working days as a grid: one column per week, Monday to Friday down; months labelled on top."""
    if not cells:
        return Markup("")
    days = [(date.fromisoformat(c.period), c) for c in cells]
    first_monday = days[0][0] - timedelta(days=days[0][0].weekday())
    s, gap, left, top = 14, 3, 24, 16
    weeks = (days[-1][0] - first_monday).days // 7 + 1
    rows = 1 + max(d.weekday() for d, _ in days)
    rows = max(rows, 5)
    w, h = left + weeks * (s + gap), top + rows * (s + gap)
    body: list[str] = []
    for r in range(rows):
        if r % 2 == 0:
            body.append(f'<text class="axis" x="0" y="{top + r * (s + gap) + s - 3}">{WEEKDAYS[r]}</text>')
    seen_month = None
    last_label_x = -100.0
    counts = {"on_time": 0, "late": 0, "missing": 0, "pending": 0, "exempt": 0}
    for d, c in days:
        col = (d - first_monday).days // 7
        x, y = left + col * (s + gap), top + d.weekday() * (s + gap)
        if (d.year, d.month) != seen_month and x - last_label_x >= 44:
            seen_month, last_label_x = (d.year, d.month), x
            # "Th5/25": a month, not a day (a bare "5/25" reads like a date)
            body.append(f'<text class="axis" x="{x}" y="11">Th{d.month}/{d.year % 100:02d}</text>')
        tip = f"{d:%d/%m/%Y}: {names.get(c.status, c.status)}" + (f" (nhận lúc {c.received_at:%H:%M %d/%m})" if c.received_at else "")
        body.append(_mark(c.status, x, y, s, tip))
        counts[c.status] = counts.get(c.status, 0) + 1
    desc = (f"{len(days)} ngày làm việc từ {days[0][0]:%d/%m/%Y} đến {days[-1][0]:%d/%m/%Y}: "
            f"{counts['on_time']} đúng hạn, {counts['late']} trễ hạn, {counts['missing']} thiếu, "
            f"{counts['pending']} chưa đến hạn.")
    # Drawn at twice its units (squares of 28 px), shrunk by the stylesheet to fit a phone.
    return _svg(w, h, "Lịch báo cáo ngày", desc, "".join(body), "calendar", uid, scale=2)


def mix(counts: dict[str, int], labels: dict[str, str], uid: str, title: str) -> Markup:
    """A 100% stacked bar; each segment wide enough carries its symbol and count."""
    total = sum(counts.values())
    if not total:
        return Markup("")
    w, h = 600, 34
    x = 0.0
    body: list[str] = []
    for st, n in counts.items():
        if not n:
            continue
        seg = w * n / total
        tip = escape(f"{labels.get(st, st)}: {n}")
        body.append(f'<g class="s-{st}"><rect x="{x:.1f}" y="0" width="{seg:.1f}" height="{h}"><title>{tip}</title></rect>')
        if seg >= 34:
            body.append(f'<text class="seg" x="{x + seg / 2:.1f}" y="{h / 2 + 5}" text-anchor="middle">'
                        f'{SYMBOL.get(st, "")} {n}</text>')
        body.append("</g>")
        x += seg
    desc = "; ".join(f"{labels.get(st, st)}: {n}" for st, n in counts.items())
    return _svg(w, h, title, desc, "".join(body), "mix", uid)


class Charts:
    """The charts as the templates call them (`charts.calendar(cells)`), with the theme's texts."""

    def __init__(self, timeliness: dict[str, str]) -> None:
        self.timeliness = timeliness

    def trend(self, points: Sequence[tuple[date, Rates]], uid: str = "trend") -> Markup:
        """The wide chart and the phone's (the stylesheet shows one)."""
        return trend(points, uid) + trend(points, uid + "-n", narrow=True)

    def calendar(self, cells: Sequence[Cell], uid: str = "cal") -> Markup:
        return calendar(cells, self.timeliness, uid)

    def legend_marks(self) -> Markup:
        return legend_marks(self.timeliness)

    def mix(self, counts: dict[str, int], labels: dict[str, str], uid: str, title: str) -> Markup:
        return mix(counts, labels, uid, title)
