"""`baocao demo [DIR]`: a demo province processed by the real pipeline.

Units and tasks come from templates/demo/ (a Bình Định-like province: 19 units, 32 tasks). Weeks
of report mail are written the way focal points write them — plain text from Thunderbird, Word
HTML from Outlook, Gmail's multipart mail, replies quoting a reminder, text without diacritics,
numbered upper-case labels, an XLSX table, kind and period only in the subject — with on-time,
late and missing reports, corrections, progress that moves, difficulties, and some mail that must
be rejected or ignored. Each day's mail is delivered into the Maildir with its delivery time and
processed by `poll`, exactly as in production; nothing is inserted into the database directly.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import os
import random
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import TextIO

from gateway.app import difficulties
from gateway.app.clock import StepClock
from gateway.app.instance import Instance
from gateway.app.lists import TASK_COLUMNS, UNIT_COLUMNS
from gateway.app.runner import Runner
from gateway.app.scaffold import init_instance
from gateway.app.service import rebuild_site
from gateway.config import load
from gateway.domain.calendar import WorkCalendar
from gateway.mail.sources.maildir import deliver
from parsers.text import fold
from site_builder.theme import Theme, bundled_dir

DEMO = bundled_dir() / "demo"
# The demo's focal points write with the bundled words (an instance's override changes what we
# send, not how they write).
WORDS = Theme()
OUR_ADDRESS = "baocao@binhdinh.gov.vn"
SEED = 1841

STYLES = ["plain", "plain", "plain", "outlook", "outlook", "gmail", "gmail", "reply", "ascii", "upper", "subject", "xlsx"]


@dataclass
class Persona:
    on_time: float
    late: float
    style: str
    second_style: str


@dataclass
class TaskState:
    progress: int
    status: str
    speed: int
    difficulty: str | None = None
    proposal: str | None = None


@dataclass
class Mail:
    when: datetime
    raw: bytes
    label: str


@dataclass
class DemoWorld:
    units: list[dict[str, str]]
    tasks: list[dict[str, str]]
    phrases: dict
    rng: random.Random
    cal: WorkCalendar
    personas: dict[str, Persona] = field(default_factory=dict)
    states: dict[tuple[str, str], TaskState] = field(default_factory=dict)
    counter: int = 0


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _world(today: date, cal: WorkCalendar) -> DemoWorld:
    units = _read_csv(DEMO / "units.csv")
    tasks = _read_csv(DEMO / "tasks.csv")
    for t in tasks:  # deadlines are written relative to the demo's today
        t["deadline"] = (today + timedelta(days=int(t["deadline"]))).isoformat()
    phrases = tomllib.loads((DEMO / "phrases.toml").read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    w = DemoWorld(units, tasks, phrases, rng, cal)
    for i, u in enumerate(units):
        # A spread of habits: most units are diligent, a few are often late or silent.
        on_time = [0.97, 0.93, 0.9, 0.85, 0.75, 0.6][i % 6]
        late = [0.02, 0.04, 0.06, 0.1, 0.12, 0.2][i % 6]
        w.personas[u["code"]] = Persona(on_time, late, STYLES[i % len(STYLES)], rng.choice(STYLES))
    return w


def unit_tasks(w: DemoWorld, code: str) -> list[dict[str, str]]:
    led = [t for t in w.tasks if t["lead_unit"] == code]
    sup = [t for t in w.tasks if code in t["coordinating_units"].split(";")]
    return (led + sup)[:5]


def _advance(w: DemoWorld, unit: str, task: dict[str, str], day_index: int) -> TaskState:
    key = (unit, task["code"])
    st = w.states.get(key)
    rng = w.rng
    if st is None:
        start = rng.choice([0, 0, 10, 20, 30, 40])
        st = TaskState(start, "not_started" if start == 0 else "in_progress", rng.choice([0, 1, 2, 3, 4]))
        w.states[key] = st
    if st.status in ("completed", "paused"):
        if st.status == "paused" and rng.random() < 0.1:
            st.status = "in_progress"
        return st
    step = rng.randint(0, st.speed + 1)
    st.progress = min(100, st.progress + step)
    if st.progress > 0 and st.status == "not_started":
        st.status = "in_progress"
    if st.progress >= 100:
        st.status = "completed"
    elif rng.random() < 0.01:
        st.status = "paused"
    if st.difficulty is None and rng.random() < 0.015:
        st.difficulty = rng.choice(w.phrases["difficulties"])
        st.proposal = rng.choice(w.phrases["proposals"])
    elif st.difficulty is not None and rng.random() < 0.15:
        st.difficulty = st.proposal = None  # resolved
    return st


def _entries(w: DemoWorld, unit: str, day_index: int) -> list[tuple[dict[str, str], TaskState, str]]:
    out = []
    for t in unit_tasks(w, unit):
        st = _advance(w, unit, t, day_index)
        result = w.rng.choice(w.phrases["done_results"] if st.status == "completed" else w.phrases["results"])
        out.append((t, st, result))
    return out


def _text_report(w: DemoWorld, unit: dict[str, str], kind: str, period_text: str,
                 entries: list[tuple[dict[str, str], TaskState, str]], *, kind_label: bool = True,
                 header: bool = True, summary: str | None = None, upper: bool = False,
                 messy: bool = False) -> str:
    labels = WORDS.messages
    kinds = labels["kinds"]
    statuses = labels["statuses"]
    L = w.phrases["labels"]

    def lab(text: str, n: str = "") -> str:
        return n + text.upper() if upper else text

    lines: list[str] = []
    if header:
        lines.append(f"{lab(L['unit'], 'I. ')}: {unit['code'] if w.rng.random() < 0.6 else unit['name']}")
        if kind_label:
            lines.append(f"{lab(L['kind'], 'II. ')}: {kinds[kind]}")
        lines.append(f"{lab(L['period'], 'III. ')}: {period_text}")
        lines.append("")
    if summary:
        lines += [f"{lab(L['summary'])}:", summary, ""]
    for i, (t, st, result) in enumerate(entries, start=1):
        code = t["code"]
        if messy and i == 1:
            code = code[:2] + "-" + code[2:]  # "NV-01"
        lines.append(f"{lab(L['task'], f'{i}. ')}: {code} - {t['title']}")
        bullet = "- " if upper else ""
        progress = f"{st.progress}%"
        if messy and i == 2:
            progress = f"{st.progress} %"
        lines.append(f"{bullet}{lab(L['status'])}: {statuses[st.status]}")
        lines.append(f"{bullet}{lab(L['progress'])}: {progress}")
        lines.append(f"{bullet}{lab(L['result'])}: {result}")
        if st.difficulty:
            lines.append(f"{bullet}{lab(L['difficulties'])}: {st.difficulty}")
            lines.append(f"{bullet}{lab(L['proposals'])}: {st.proposal}")
        else:
            lines.append(f"{bullet}{lab(L['difficulties'])}: {L['none']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _wrap(w: DemoWorld, unit: dict[str, str], body: str) -> str:
    p = w.phrases
    name = unit["focal_point"]
    sig = w.rng.choice(p["signatures"]).format(name=name, unit=unit["name"], digits=w.rng.randint(10000, 99999))
    return "\n\n".join([w.rng.choice(p["greetings"]), w.rng.choice(p["intro"]).format(unit=unit["name"]), body, sig]) + "\n"


def _subject(w: DemoWorld, kind: str, period_text: str, unit: dict[str, str]) -> str:
    return w.phrases["subjects"][kind].format(period=period_text.lower(), unit=unit["short_name"])


def _message(w: DemoWorld, unit: dict[str, str], when: datetime, subject: str, sender: str | None = None,
             extra: dict[str, str] | None = None) -> EmailMessage:
    w.counter += 1
    domain = (sender or unit["emails"].split(";")[0]).split("@")[1]
    msg = EmailMessage(policy=SMTP)
    sent = when - timedelta(seconds=w.rng.randint(3, 40))
    msg["Received"] = (f"from mail.{domain} (mail.{domain} [10.20.{w.counter % 250}.{w.counter % 200 + 1}]) "
                       f"by mx.binhdinh.gov.vn with ESMTPS id {w.rng.getrandbits(48):012x}; {format_datetime(when)}")
    msg["From"] = formataddr((unit["focal_point"], sender or unit["emails"].split(";")[0]))
    msg["To"] = OUR_ADDRESS
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<{w.rng.getrandbits(64):016x}.{w.counter}@{domain}>"
    for k, v in (extra or {}).items():
        msg[k] = v
    return msg


def _html(text: str, outlook: bool) -> str:
    from html import escape

    paras = []
    for line in text.split("\n"):
        if outlook:
            paras.append(f'<p class="MsoNormal">{escape(line) if line else "<o:p>&nbsp;</o:p>"}</p>')
        else:
            paras.append(f"<div>{escape(line) if line else '<br>'}</div>")
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;'
            'font-family:"Calibri",sans-serif;}</style></head><body lang="VI"><div class="WordSection1">'
            if outlook else '<div dir="ltr">')
    tail = "</div></body></html>" if outlook else "</div>"
    return head + "\n".join(paras) + tail


def _xlsx(w: DemoWorld, unit: dict[str, str], kind: str, period_text: str,
          entries: list[tuple[dict[str, str], TaskState, str]]) -> bytes:
    from openpyxl import Workbook

    labels = WORDS.messages
    wb = Workbook()
    ws = wb.active
    ws.title = "Bao cao"
    L = w.phrases["labels"]
    ws.append([L["unit"] + ":", unit["code"]])
    ws.append([L["kind"] + ":", labels["kinds"][kind]])
    ws.append([L["period"] + ":", period_text])
    ws.append([])
    ws.append(L["table_header"])
    for t, st, result in entries:
        ws.append([t["code"], labels["statuses"][st.status], st.progress, result, st.difficulty or "", st.proposal or "", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _strip_marks(text: str) -> str:
    # Keep case and punctuation, drop diacritics: what a phone without a Vietnamese keyboard sends.
    out = []
    for ch in text:
        f = fold(ch) if ch.strip() else ch
        out.append((f.upper() if ch.isupper() else f) if f else ch)
    return "".join(out)


def report_mail(w: DemoWorld, unit: dict[str, str], kind: str, period: str, when: datetime,
                day_index: int, style: str) -> Mail:
    period_text = WORDS.period_input(kind, period)
    entries = _entries(w, unit["code"], day_index)
    summary = w.rng.choice(w.phrases["summaries"]) if kind != "daily" else None
    messy = w.rng.random() < 0.1
    subject = _subject(w, kind, period_text, unit)
    if style == "subject":
        body = _text_report(w, unit, kind, period_text, entries, header=False, summary=summary)
        msg = _message(w, unit, when, subject)
        msg.set_content(_wrap(w, unit, body), cte="8bit")
    elif style == "upper":
        body = _text_report(w, unit, kind, period_text, entries, upper=True, summary=summary, messy=messy)
        msg = _message(w, unit, when, subject.upper())
        msg.set_content(_wrap(w, unit, body), cte="quoted-printable")
    elif style == "ascii":
        body = _strip_marks(_wrap(w, unit, _text_report(w, unit, kind, period_text, entries, summary=summary, messy=messy)))
        msg = _message(w, unit, when, _strip_marks(subject), extra={"X-Mailer": "iPhone Mail (20H115)"})
        msg.set_content(body, cte="quoted-printable")
    elif style == "outlook":
        text = _wrap(w, unit, _text_report(w, unit, kind, period_text, entries, summary=summary, messy=messy))
        msg = _message(w, unit, when, subject, extra={"X-Mailer": "Microsoft Outlook 16.0", "Thread-Topic": subject})
        msg.set_content(_html(text, outlook=True), subtype="html", cte="quoted-printable")
    elif style == "gmail":
        text = _wrap(w, unit, _text_report(w, unit, kind, period_text, entries, summary=summary, messy=messy))
        msg = _message(w, unit, when, subject)
        msg.set_content(text, cte="quoted-printable")
        msg.add_alternative(_html(text, outlook=False), subtype="html", cte="quoted-printable")
    elif style == "reply":
        # A reply above a quoted reminder (Gmail style): the new values are on top.
        new = _text_report(w, unit, kind, period_text, entries, summary=summary)
        stale = _text_report(w, unit, kind, period_text, [(t, TaskState(0, "not_started", 0), "") for t, _, _ in entries])
        quote_head = w.phrases["texts"]["quote_header"].format(date=format_datetime(when.replace(hour=14, minute=30)), address=OUR_ADDRESS)
        quoted = "\n".join("> " + ln if ln else ">" for ln in stale.split("\n"))
        msg = _message(w, unit, when, w.phrases["subjects"]["reply"].format(subject=subject))
        msg.set_content(new + "\n" + w.phrases["texts"]["reply_closing"] + "\n\n" + quote_head + "\n" + quoted + "\n", cte="quoted-printable")
    elif style == "xlsx":
        msg = _message(w, unit, when, subject)
        msg.set_content(_wrap(w, unit, w.phrases["texts"]["xlsx_body"]), cte="8bit")
        msg.add_attachment(_xlsx(w, unit, kind, period_text, entries), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename=f"Bao_cao_{unit['code']}_{period}.xlsx")
    else:
        body = _text_report(w, unit, kind, period_text, entries, summary=summary, messy=messy,
                            kind_label=w.rng.random() > 0.05)
        untitled = w.phrases["subjects"]["untitled"].format(unit=unit["short_name"])
        if w.rng.random() < 0.06:  # a task that is not on the list: recorded with a warning
            body += "\n" + w.phrases["texts"]["extra_task"].format(n=w.rng.randint(40, 60)) + "\n"
        msg = _message(w, unit, when, subject if w.rng.random() > 0.05 else untitled,
                       extra={"User-Agent": "Mozilla Thunderbird 128.3"})
        msg.set_content(_wrap(w, unit, body), cte="8bit")
    return Mail(when, msg.as_bytes(), f"{unit['code']} {kind} {period} ({style})")


def _arrival(w: DemoWorld, deadline: datetime, persona: Persona, now: datetime) -> datetime | None:
    r = w.rng.random()
    if r < persona.on_time:
        minutes = w.rng.choice([w.rng.randint(5, 150), w.rng.randint(60, 400)])
        when = deadline - timedelta(minutes=minutes)
    elif r < persona.on_time + persona.late:
        when = deadline + timedelta(minutes=w.rng.randint(3, 900))
    else:
        return None
    return when + timedelta(seconds=w.rng.randint(0, 59))


def _odd_mail(w: DemoWorld, day: date, tz: tzinfo | None) -> list[Mail]:
    """Mail the gateway must reject or ignore: it happens every week in a real mailbox."""
    out: list[Mail] = []
    rng = w.rng
    when = datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=tz)
    kind = rng.choice(["unknown", "not_report", "ooo", "wrong_unit"])
    unit = rng.choice(w.units)
    if kind == "unknown":
        fake = dict(unit, focal_point=w.phrases["texts"]["impostor"])
        subject = _subject(w, "daily", f"{day:%d/%m/%Y}", unit)
        msg = _message(w, fake, when, subject, sender="nguyenvanteo1985@gmail.com")
        msg.set_content(_text_report(w, unit, "daily", f"{day:%d/%m/%Y}", _entries(w, unit["code"], 0)[:1]), cte="8bit")
    elif kind == "not_report":
        msg = _message(w, unit, when, w.phrases["subjects"]["forward"])
        msg.set_content(rng.choice(w.phrases["non_reports"]), cte="8bit")
    elif kind == "ooo":
        msg = _message(w, unit, when, w.phrases["subjects"]["out_of_office"],
                       extra={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"})
        msg.set_content(w.phrases["out_of_office"].format(date=f"{day + timedelta(days=3):%d/%m/%Y}"), cte="8bit")
    else:
        other = rng.choice([u for u in w.units if u["code"] != unit["code"]])
        msg = _message(w, unit, when, _subject(w, "daily", f"{day:%d/%m/%Y}", unit))
        body = _text_report(w, other, "daily", f"{day:%d/%m/%Y}", _entries(w, other["code"], 0)[:1])
        msg.set_content(body, cte="8bit")
    out.append(Mail(when, msg.as_bytes(), f"{unit['code']} {kind}"))
    return out


def generate(w: DemoWorld, start: date, now: datetime) -> list[Mail]:
    tz = now.tzinfo
    mails: list[Mail] = []
    day, index = start, 0
    seen: set[tuple[str, str]] = set()
    while day <= now.date():
        due: list[tuple[str, str]] = w.cal.due_periods(day)
        for u in w.units:
            persona = w.personas[u["code"]]
            reports = u["reports"].split(";")
            for kind, period in due:
                if kind not in reports or (kind, period + u["code"]) in seen:
                    continue
                seen.add((kind, period + u["code"]))
                deadline = w.cal.deadline(kind, period)
                when = _arrival(w, deadline, persona, now)
                if when is None or when > now:
                    continue
                style = persona.style if w.rng.random() < 0.8 else persona.second_style
                mails.append(report_mail(w, u, kind, period, when, index, style))
                if w.rng.random() < 0.03:  # a correction an hour or two later
                    fix = when + timedelta(minutes=w.rng.randint(30, 150))
                    if fix <= now:
                        mails.append(report_mail(w, u, kind, period, fix, index, "plain"))
        if w.cal.is_working_day(day) and day.weekday() in (1, 3):
            mails += [m for m in _odd_mail(w, day, tz) if m.when <= now]
        day += timedelta(days=1)
        index += 1
    return sorted(mails, key=lambda m: m.when)


def _write_lists(path: Path, w: DemoWorld, start: date) -> None:
    for name, cols, rows in (("units.csv", UNIT_COLUMNS, w.units), ("tasks.csv", TASK_COLUMNS, w.tasks)):
        with (path / name).open("w", encoding="utf-8", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
            wr.writeheader()
            wr.writerows(rows)
    (path / "agencies.csv").write_text((DEMO / "agencies.csv").read_text(encoding="utf-8"), encoding="utf-8")
    rows = _read_csv(DEMO / "obligations.csv")
    for r in rows:  # deadlines are written relative to the demo's first day
        r["deadline"] = (start + timedelta(days=int(r["deadline"]))).isoformat()
    with (path / "obligations.csv").open("w", encoding="utf-8", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=["code", "title", "deadline", "units"], lineterminator="\n")
        wr.writeheader()
        wr.writerows(rows)


def obligation_mail(w: DemoWorld, unit: dict[str, str], code: str, title: str, when: datetime) -> Mail:
    """A unit sends a one-off obligation: its plan attached (a PDF the reader does not take as a report)."""
    msg = _message(w, unit, when, f"Gửi {title} ({code}) – {unit['short_name']}")
    msg.set_content(_wrap(w, unit, f"{unit['name']} gửi {title.lower()} ({code}) theo Công văn, kèm theo thư này."),
                    cte="8bit")
    msg.add_attachment(b"%PDF-1.4 demo\n", maintype="application", subtype="pdf", filename=f"{code}-{unit['code']}.pdf")
    return Mail(when, msg.as_bytes(), f"{unit['code']} obligation {code}")


ANSWERS = [
    ("Đã giải quyết", "Đã tham mưu UBND tỉnh bố trí, đơn vị triển khai theo hướng dẫn gửi kèm."),
    ("Đã giải quyết", "Đã hướng dẫn đơn vị tại văn bản số {n}/HD; đề nghị đơn vị triển khai."),
    ("Đang xử lý", "Đang phối hợp các cơ quan liên quan rà soát, dự kiến trả lời trong tuần sau."),
    ("Cần UBND tỉnh cho ý kiến", "Nội dung vượt thẩm quyền của cơ quan, kính trình UBND tỉnh cho ý kiến chỉ đạo."),
]


def _answer_difficulties(inst: Instance, w: DemoWorld, maildir: Path, when: datetime) -> None:
    """Each working morning, agencies answer some of the difficulties routed to them (their reply to
    the routing mail, by the real pipeline)."""
    if not w.cal.is_working_day(when.date()):
        return
    emails = {a.code: a.emails for a in inst.directory.agencies}
    for row in difficulties.listing(inst):
        if row["state"] not in ("open", "in_progress") or row["raised_at"] > when - timedelta(days=1):
            continue
        if not emails.get(row["agency"]) or w.rng.random() > 0.35:
            continue
        state, text = w.rng.choice(ANSWERS if row["state"] == "open" else ANSWERS[:2])
        sender = emails[row["agency"]][0]
        route = difficulties.route_message_id(inst, row["id"], row["agency"])
        w.counter += 1
        msg = EmailMessage(policy=SMTP)
        msg["From"] = sender
        msg["To"] = OUR_ADDRESS
        msg["Subject"] = f"Trả lời: [Khó khăn {row['ref']}]"
        msg["Date"] = format_datetime(when)
        msg["Message-ID"] = f"<{w.rng.getrandbits(64):016x}.{w.counter}@binhdinh.gov.vn>"
        msg["In-Reply-To"] = route
        msg["References"] = route
        msg.set_content(f"Tình trạng xử lý: {state}\nÝ kiến xử lý: {text.format(n=w.rng.randint(100, 999))}\n\n"
                        f"Trân trọng./.\n", cte="8bit")
        deliver(maildir, msg.as_bytes(), f"{int(when.timestamp())}.answer{w.counter:05d}.mx:2,", when)


def _day_line(inst: Instance, i: int, total: int, day: date, out: TextIO) -> None:
    """Progress: what the service did with one day's mail."""
    lo = datetime.combine(day, time(0, 0), tzinfo=inst.cfg.tz)
    hi = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=inst.cfg.tz)
    got = inst.store.outcome_counts(lo, hi)
    sent = inst.store.purpose_counts(lo, hi)
    print(f"  [{i:>2}/{total}] {day:%a %d/%m/%Y}: {sum(got.values()):>3} messages ("
          + ", ".join(f"{k} {v}" for k, v in sorted(got.items())) + "); sent "
          + (", ".join(f"{k} {v}" for k, v in sorted(sent.items())) or "nothing"), file=out)


def _deliver(maildir: Path, m: Mail, n: int) -> None:
    deliver(maildir, m.raw, f"{int(m.when.timestamp())}.demo{n:05d}.mx:2,", m.when)


def demo_clock(cal: WorkCalendar, real_now: datetime) -> datetime:
    """The demo's 'now': the real time if today's daily deadline has passed, else 17:15 on the
    latest working day before — so the home page shows a day whose reports are all in."""
    day = real_now.date()
    if cal.is_working_day(day) and real_now >= cal.deadline("daily", day.isoformat()) + timedelta(minutes=15):
        return real_now
    day -= timedelta(days=1)
    while not cal.is_working_day(day):
        day -= timedelta(days=1)
    return datetime.combine(day, time(17, 15), tzinfo=real_now.tzinfo)


def run_demo(path: Path | None, now: datetime | None = None, weeks: int = 5, out: TextIO = sys.stdout) -> int:
    default = path is None
    path = (path or Path("demo")).absolute()
    if (path / "baocao.db").exists() or (path / "mail").exists():
        import shutil

        for p in ("baocao.db", "baocao.db-wal", "baocao.db-shm", "mail"):
            target = path / p
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    site_output = "../public" if default else "public"
    province = tomllib.loads((DEMO / "phrases.toml").read_text(encoding="utf-8"))["province"]
    init_instance(path, force=True, org_name=province["name"], address=OUR_ADDRESS, site_output=site_output)
    cfg_file = path / "baocao.toml"
    cfg_file.write_text(cfg_file.read_text(encoding="utf-8").replace(
        "recipients = []", f'recipients = ["{province["working_group"]}"]'), encoding="utf-8")
    inst = Instance(load(path / "baocao.toml"))
    tz = inst.cfg.tz
    cal = WorkCalendar(inst.cfg.deadlines, tz)
    if now is None:
        now = demo_clock(cal, datetime.now(tz))
    elif now.tzinfo is None:
        now = now.replace(tzinfo=tz)
    now = now.astimezone(tz)
    start = now.date() - timedelta(days=now.date().weekday()) - timedelta(weeks=weeks - 1)
    w = _world(now.date(), cal)
    _write_lists(path, w, start)
    cfg_file.write_text(cfg_file.read_text(encoding="utf-8").replace(
        'tasks = "tasks.csv"', 'tasks = "tasks.csv"\nagencies = "agencies.csv"\nobligations = "obligations.csv"', 1),
        encoding="utf-8")
    inst = Instance(load(path / "baocao.toml"))
    mails = generate(w, start, now)
    for o in inst.directory.obligations:  # most units send their plan and their focal point in time
        for u in w.units:
            if w.rng.random() < 0.8:
                when = datetime.combine(start + timedelta(days=w.rng.randint(0, 6)),
                                        time(w.rng.randint(8, 16), w.rng.randint(0, 59)), tzinfo=tz)
                if when <= now:
                    mails.append(obligation_mail(w, u, o.code, o.title, when))
    mails.sort(key=lambda m: m.when)
    print(f"Demo clock: {now:%H:%M %a %d/%m/%Y} ({tz.key})", file=out)
    print(f"Demo province: {len(w.units)} units, {len(w.tasks)} tasks; {len(mails)} messages "
          f"from {start:%d/%m/%Y} to {now:%d/%m/%Y %H:%M}", file=out)
    maildir = inst.cfg.resolve(inst.cfg.mail.maildir)
    # The service itself runs the demo: `baocao run`'s loop on a stepping clock. Each message is
    # delivered into the Maildir at its arrival time and wakes the loop, like IMAP IDLE; the
    # deadline clock sends reminders at 14:30 and 16:00, digests after each deadline and early
    # warnings, exactly as in production.
    clock = StepClock(datetime.combine(start, time(6, 0), tzinfo=tz))
    for n, m in enumerate(mails):
        clock.at(m.when, functools.partial(_deliver, maildir, m, n))
    day = start
    while day <= now.date():  # the agencies' answers, each working morning
        morning = datetime.combine(day, time(9, 30), tzinfo=tz)
        if morning <= now:
            clock.at(morning, functools.partial(_answer_difficulties, inst, w, maildir, morning))
        day += timedelta(days=1)
    days = sorted({m.when.date() for m in mails})
    for i, day in enumerate(days, start=1):
        clock.at(min(datetime.combine(day, time(23, 59), tzinfo=tz), now),
                 functools.partial(_day_line, inst, i, len(days), day, out))
    runner = Runner(inst, clock, interval=6 * 3600, build_site=False)
    logging.getLogger("gateway").setLevel(logging.WARNING)
    runner.run(until=now)
    totals = inst.store.outcome_counts()
    sent = inst.store.purpose_counts()
    site = rebuild_site(inst, now)
    print("Processed: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())), file=out)
    print(f"Instance: {path}", file=out)
    print("Sent: " + ", ".join(f"{k} {v}" for k, v in sorted(sent.items())) + f" (one .eml each in "
          f"{inst.cfg.resolve(inst.cfg.mail.outbox_dir)})", file=out)
    index = Path(os.path.abspath(inst.cfg.site_output)) / "index.html"  # the symlink, not today's build
    print(f"Site built ({site.files} files): {index}", file=out)
    print(f"Open it: file://{index}", file=out)
    inst.close()
    return 0
