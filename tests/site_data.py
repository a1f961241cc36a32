"""A small province for the site tests, fed through the real pipeline: report mails delivered into
the instance's Maildir and processed by `gateway.app.service.poll` (nothing is inserted directly).

Units (from `baocao init`): SKHCN (daily, weekly, monthly), CAT (all), VPUB (weekly, monthly).
Tasks: NV01 (SKHCN, with VPUB), NV02 (CAT, with SKHCN), NV03 (VPUB), plus NV04 (CAT), already
overdue. The week of 19–23 May 2025: on-time, late and missing daily reports, a correction,
weekly reports, difficulties, and one hostile report from CAT on 20 May.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gateway.app.instance import Instance
from gateway.app.service import poll
from tests.helpers import at, deliver_eml, eml, make_instance

NOW = at("2025-05-23 17:00")  # Friday, after the daily and weekly deadlines

RLO, RLM = "\u202e", "\u200f"
LONG_WORD = "Rất" + "A" * 400
# Hostile text: markup, script, javascript: URLs, a very long word, bidi overrides, RTL script,
# a spreadsheet formula, an e-mail address.
HOSTILE = (f'{RLO}<script>window.__pwned = 1; alert("x")</script><img src=x onerror="window.__pwned=2"> '
           f'javascript:alert(2) "><svg onload=alert(3)> <a href="javascript:alert(4)">bấm</a> '
           f'{LONG_WORD} {RLM}שלום עולם{RLM} lien.he@evil.example.com')
HOSTILE_MARKERS = ("<script>window.__pwned", "<img src=x", "<svg onload", '<a href="javascript:')

SKHCN = "daumoi@skhcn.example.gov.vn"
CAT = "daumoi@congan.example.gov.vn"
VPUB = "daumoi@vpub.example.gov.vn"

TASKS_CSV_EXTRA = ("NV04,Chuẩn hóa dữ liệu đất đai phục vụ Đề án 06,ĐA06,CAT,,Phó Giám đốc Công an tỉnh,"
                   "2025-05-15,Dữ liệu đất đai được kết nối,Chủ trì\n")


def daily(unit: str, day: str, tasks: list[tuple[str, str, int, str, str, str]], summary: str = "") -> str:
    lines = [f"Đơn vị: {unit}", "Loại báo cáo: Ngày", f"Kỳ báo cáo: {day}", ""]
    if summary:
        lines += [f"Tình hình chung: {summary}", ""]
    for code, status, progress, result, diff, prop in tasks:
        lines += [f"Nhiệm vụ: {code}", f"Tình trạng: {status}", f"Tiến độ: {progress}%", f"Kết quả: {result}",
                  f"Khó khăn, vướng mắc: {diff}", f"Đề xuất, kiến nghị: {prop}", ""]
    return "\n".join(lines)


def mails() -> list[tuple[str, str, str, str]]:
    """(sender, subject, body, delivered at)."""
    m: list[tuple[str, str, str, str]] = []
    m.append((SKHCN, "Báo cáo ngày 19/05", daily("SKHCN", "19/05/2025", [
        ("NV01", "Đang thực hiện", 40, "Đã xây dựng dự thảo kế hoạch.", "Không", "Không"),
        ("NV02", "Đang thực hiện", 20, "Phối hợp rà soát dữ liệu.", "Không", "Không")]), "2025-05-19 15:10"))
    m.append((CAT, "Báo cáo ngày 19/05", daily("CAT", "19/05/2025", [
        ("NV02", "Đang thực hiện", 30, "Làm sạch 30% dữ liệu dân cư.", "Thiếu máy chủ lưu trữ.",
         "Đề nghị Sở Tài chính bố trí kinh phí mua sắm.")]), "2025-05-19 17:05"))  # late
    m.append((SKHCN, "Báo cáo ngày 20/05", daily("SKHCN", "20/05/2025", [
        ("NV01", "Đang thực hiện", 50, "Đã gửi lấy ý kiến các sở, ngành.", "Chưa được bố trí kinh phí.",
         "Đề nghị Sở Tài chính cân đối kinh phí.")], summary="Triển khai đúng kế hoạch."), "2025-05-20 15:20"))
    m.append((CAT, "Báo cáo ngày 20/05 <b>", daily("CAT", "20/05/2025", [
        ("NV02", "Đang thực hiện", 35, HOSTILE, "=1+2 " + HOSTILE, "@SUM(A1) " + HOSTILE)], summary=HOSTILE),
        "2025-05-20 15:30"))
    m.append((SKHCN, "Báo cáo ngày 20/05 (bổ sung)", daily("SKHCN", "20/05/2025", [
        ("NV01", "Đang thực hiện", 55, "Đã gửi lấy ý kiến các sở, ngành; đã tổng hợp 5 ý kiến.",
         "Chưa được bố trí kinh phí.", "Đề nghị Sở Tài chính cân đối kinh phí.")]), "2025-05-20 18:00"))
    m.append((SKHCN, "Báo cáo ngày 21/05", daily("SKHCN", "21/05/2025", [
        ("NV01", "Đang thực hiện", 60, "Đã trình dự thảo kế hoạch.", "Chưa được bố trí kinh phí.",
         "Đề nghị Sở Tài chính cân đối kinh phí.")]), "2025-05-21 16:00"))
    m.append((CAT, "Báo cáo ngày 22/05", daily("CAT", "22/05/2025", [
        ("NV04", "Đang thực hiện", 70, "Đã kết nối thử nghiệm.", "Không", "Không")]), "2025-05-22 11:00"))
    m.append((SKHCN, "Báo cáo ngày 22/05", daily("SKHCN", "22/05/2025", [
        ("NV01", "Đang thực hiện", 65, "Đã trình dự thảo kế hoạch.", "Chưa được bố trí kinh phí.",
         "Đề nghị Sở Tài chính cân đối kinh phí.")]), "2025-05-22 16:10"))
    m.append((VPUB, "Báo cáo tuần 21", "Đơn vị: VPUB\nLoại báo cáo: Tuần\nKỳ báo cáo: Tuần 21/2025\n\n"
              "Nhiệm vụ: NV03\nTình trạng: Đang thực hiện\nTiến độ: 30%\nKết quả: Đã số hóa 30% hồ sơ.\n",
              "2025-05-23 10:00"))
    m.append((SKHCN, "Báo cáo tuần 21", "Đơn vị: SKHCN\nLoại báo cáo: Tuần\nKỳ báo cáo: Tuần 21/2025\n\n"
              "Tình hình chung: Hoàn thành các việc trong tuần.\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\n"
              "Tiến độ: 65%\nKết quả: Đã trình dự thảo kế hoạch.\n", "2025-05-23 16:45"))  # late
    return m


def deliver_all(inst: Instance, items: list[tuple[str, str, str, str]], prefix: str = "m") -> None:
    for i, (sender, subject, body, when) in enumerate(items):
        raw = eml(sender, subject, body, message_id=f"<{prefix}{i}.{when.replace(' ', 'T')}@site.test>",
                  date=at(when).strftime("%a, %d %b %Y %H:%M:%S +0700"))
        deliver_eml(inst, raw, f"{prefix}{i:03d}.eml", at(when))


def build_province(path: Path, show_emails: bool = False, now: datetime = NOW) -> Instance:
    overrides = {"show_emails": "true"} if show_emails else {}
    inst = make_instance(path, **overrides)
    with (path / "tasks.csv").open("a", encoding="utf-8") as f:
        f.write(TASKS_CSV_EXTRA)
    deliver_all(inst, mails())
    res = poll(inst, now)
    assert res.batch.outcomes.get("accepted") == len(mails()), res.batch.outcomes
    assert res.site is not None
    return inst


def site_dir(inst: Instance) -> Path:
    return inst.cfg.site_output.resolve()
