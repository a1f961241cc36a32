"""Focused tests of the parser's pieces: folding, labels, periods, statuses, progress, task codes,
quote splitting, HTML rendering, format=flowed, and the bad inputs of issue 2."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from parsers import Directory, ParseContext, TaskInfo, UnitInfo, parse_message
from parsers.body import read_lines
from parsers.html import html_to_text
from parsers.labels import match_label
from parsers.lookup import task_key
from parsers.mime import decode_bytes, unflow
from parsers.periods import kind_from_words, parse_period, subject_kind
from parsers.quotes import split
from parsers.text import clean_line, compact, fold, fold_key
from parsers.values import is_nil, parse_progress, parse_status, read_status

ICT = timezone(timedelta(hours=7))

# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize("text", ["Tiến độ", "Tien do", "TIẾN ĐỘ", "tiến độ", "Tiến\u00a0độ", "  Tiến   độ "])
def test_fold_is_case_and_diacritics_insensitive(text: str) -> None:
    assert fold(text) == "tien do"


def test_fold_nfd_equals_nfc() -> None:
    s = "Khó khăn, vướng mắc; Đề xuất, kiến nghị; Tình trạng; Kỳ báo cáo"
    assert fold(unicodedata.normalize("NFD", s)) == fold(s)


def test_fold_maps_all_d_forms() -> None:
    assert fold("Đ đ Ð ð") == "d d d d"


def test_fold_tone_placement_variants_are_equal() -> None:
    assert fold("hòa") == fold("hoà") == "hoa"
    assert fold("thủy") == fold("thuỷ") == "thuy"


def test_fold_key_drops_punctuation() -> None:
    assert fold_key("Khó khăn/vướng mắc") == "kho khan vuong mac"
    assert fold_key("Khó khăn, vướng mắc:") == "kho khan vuong mac"
    assert compact("NV-01") == "nv01"


def test_clean_line_removes_invisible_marks() -> None:
    assert clean_line("Tiến\u00a0độ:\u200b 60\u202f%\t ") == "Tiến độ: 60 %"
    assert clean_line(unicodedata.normalize("NFD", "Đơn vị")) == "Đơn vị"


def test_cp1258_yields_nfc() -> None:
    # windows-1258 carries the tone as a combining mark after the base letter.
    raw = "Tiê\u0301n \u0111ô\u0323".encode("cp1258")
    assert raw == b"Ti\xea\xecn \xf0\xf4\xf2"
    assert decode_bytes(raw, "windows-1258") == "Tiến độ"


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    "line,field,value",
    [
        ("Tiến độ: 60%", "progress", "60%"),
        ("Tien do: 60%", "progress", "60%"),
        ("TIẾN ĐỘ : 60%", "progress", "60%"),
        ("Tiến độ\t:\t60%", "progress", "60%"),
        ("Tiến độ :60%", "progress", "60%"),
        ("  2. Tình trạng: Đang thực hiện", "status", "Đang thực hiện"),
        ("a) Kết quả: Đã xong", "result", "Đã xong"),
        ("đ) Đề xuất, kiến nghị: Không", "proposals", "Không"),
        ("• Kết quả: abc", "result", "abc"),
        ("- Kết quả: abc", "result", "abc"),
        ("+ Kết quả: abc", "result", "abc"),
        ("1.1. Kết quả: abc", "result", "abc"),
        ("I. Đơn vị: SKHCN", "unit", "SKHCN"),
        ("**Tiến độ:** 60%", "progress", "60%"),
        ("Trạng thái: Tạm dừng", "status", "Tạm dừng"),
        ("Khó khăn/vướng mắc: thiếu người", "difficulties", "thiếu người"),
        ("Khó khăn vướng mắc: thiếu người", "difficulties", "thiếu người"),
        ("Tồn tại, hạn chế: thiếu người", "difficulties", "thiếu người"),
        ("Kiến nghị, đề xuất: x", "proposals", "x"),
        ("Tỷ lệ hoàn thành: 70%", "progress", "70%"),
        ("Kết quả đạt được: x", "result", "x"),
        ("Ghi chú: x", "notes", "x"),
        ("Loại báo cáo: Tuần", "kind", "Tuần"),
        ("Kỳ báo cáo: 20/05/2025", "period", "20/05/2025"),
        ("Nhiệm vụ: NV01", "task", "NV01"),
        ("Mã nhiệm vụ: NV-01", "task", "NV-01"),
    ],
)
def test_labels(line: str, field: str, value: str) -> None:
    assert match_label(line) == (field, value)


def test_label_without_colon() -> None:
    assert match_label("II. TÌNH HÌNH CHUNG") == ("summary", "")
    assert match_label("Nhiệm vụ NV01 - Xây dựng kế hoạch") == ("task", "NV01 - Xây dựng kế hoạch")


@pytest.mark.parametrize("line", ["Sở Tài chính: đã gửi văn bản", "Ghi nhận", "Kính gửi Văn phòng UBND tỉnh,", ""])
def test_not_labels(line: str) -> None:
    hit = match_label(line)
    assert hit is None or hit[0] == "stop"


def test_values_span_lines_until_next_label_and_keep_blank_lines() -> None:
    rep = read_lines([
        "Nhiệm vụ: NV01", "Kết quả:", "Dòng một.", "", "Dòng hai.", "Khó khăn, vướng mắc: Không",
    ])
    assert rep.tasks[0].fields["result"] == ["", "Dòng một.", "", "Dòng hai."]
    from parsers.body import value

    assert value(rep.tasks[0], "result") == "Dòng một.\n\nDòng hai."


def test_signature_and_headings_end_values() -> None:
    from parsers.body import value

    rep = read_lines(["Nhiệm vụ: NV01", "Kết quả: Xong phần 1.", "", "III. KIẾN NGHỊ CHUNG", "Không có."])
    assert value(rep.tasks[0], "result") == "Xong phần 1."
    rep = read_lines(["Nhiệm vụ: NV01", "Kết quả: Xong phần 1.", "", "Trân trọng,", "Nguyễn Văn An"])
    assert value(rep.tasks[0], "result") == "Xong phần 1."
    rep = read_lines(["Nhiệm vụ: NV01", "Kết quả: Xong phần 1.", "", "Nguyễn Văn An", "Phòng QLCN"])
    assert value(rep.tasks[0], "result") == "Xong phần 1."
    rep = read_lines(["Nhiệm vụ: NV01", "Kết quả: Xong phần 1.", "", "Đã gửi từ iPhone của tôi"])
    assert value(rep.tasks[0], "result") == "Xong phần 1."


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    "text",
    ["20/05/2025", "20/5/2025", "20-05-2025", "20.5.2025", "ngày 20 tháng 5 năm 2025", "Ngày 20 tháng 05 năm 2025",
     "ngay 20 thang 5 nam 2025", "2025-05-20", "Thứ Ba, 20/5/2025"],
)
def test_daily_periods(text: str) -> None:
    assert parse_period(text, None) == ("daily", "2025-05-20")
    assert parse_period(text, "daily") == ("daily", "2025-05-20")


@pytest.mark.parametrize(
    "text",
    ["Tuần 21/2025", "tuần 21 - 2025", "Tuần thứ 21 năm 2025", "TUẦN 21/2025", "tuần từ 19/5 đến 23/5/2025",
     "Tuần từ 19/05/2025 đến 23/05/2025", "2025-W21", "Tuan 21/2025"],
)
def test_weekly_periods(text: str) -> None:
    assert parse_period(text, None) == ("weekly", "2025-W21")


@pytest.mark.parametrize("text", ["21/05/2025", "19/5/2025", "23-05-2025", "2025-05-25"])
def test_a_date_in_the_week(text: str) -> None:
    assert parse_period(text, "weekly") == ("weekly", "2025-W21")


def test_week_across_new_year() -> None:
    assert parse_period("tuần từ 29/12/2025 đến 2/1/2026", None) == ("weekly", "2026-W01")


@pytest.mark.parametrize("text", ["Tháng 5/2025", "tháng 05/2025", "Tháng 5 năm 2025", "THÁNG 5/2025", "05/2025",
                                  "5/2025", "2025-05"])
def test_monthly_periods(text: str) -> None:
    assert parse_period(text, None) == ("monthly", "2025-05")


def test_a_date_in_the_month() -> None:
    assert parse_period("20/05/2025", "monthly") == ("monthly", "2025-05")


@pytest.mark.parametrize("text", ["31/02/2025", "Tuần 60/2025", "Tháng 13/2025", "sớm nhất có thể", ""])
def test_invalid_periods(text: str) -> None:
    assert parse_period(text, None)[1] is None


@pytest.mark.parametrize(
    "subject,kind",
    [("Báo cáo tuần 21/2025 - Sở Tài chính", "weekly"), ("BC ngày 20/5", "daily"), ("Re: Báo cáo tháng 5", "monthly"),
     ("BÁO CÁO HÀNG NGÀY", "daily"), ("Bao cao tien do tuan 21", "weekly"), ("Weekly report W21", None),
     ("Công văn 512/SKHCN", None), ("Ngày hội chuyển đổi số", None)],
)
def test_subject_kind(subject: str, kind: str | None) -> None:
    assert subject_kind(subject) == kind


@pytest.mark.parametrize("text,kind", [("Ngày", "daily"), ("Tuần", "weekly"), ("Tháng", "monthly"), ("THANG", "monthly"),
                                       ("Báo cáo tuần", "weekly"), ("weekly", "weekly"), ("Định kỳ", None)])
def test_kind_words(text: str, kind: str | None) -> None:
    assert kind_from_words(text) == kind


# --------------------------------------------------------------------------- statuses and progress


@pytest.mark.parametrize(
    "text,status",
    [
        ("Chưa thực hiện", "not_started"), ("Chưa triển khai", "not_started"), ("Chưa bắt đầu", "not_started"),
        ("chua trien khai", "not_started"), ("Not started", "not_started"),
        ("Đang thực hiện", "in_progress"), ("Đang triển khai", "in_progress"), ("Đang tiến hành", "in_progress"),
        ("Đang xử lý", "in_progress"), ("ĐANG THỰC HIỆN", "in_progress"), ("In progress", "in_progress"),
        ("Hoàn thành", "completed"), ("Đã hoàn thành", "completed"), ("Đã xong", "completed"), ("hoan thanh", "completed"),
        ("Completed", "completed"), ("Done", "completed"), ("Hoàn thành trễ hạn", "completed"),
        ("Hoàn thành (trễ hạn 02 ngày)", "completed"),
        ("Tạm dừng", "paused"), ("Tạm ngưng (chờ kinh phí)", "paused"), ("Paused", "paused"), ("On hold", "paused"),
        ("Bình thường", None), ("", None), ("???", None),
    ],
)
def test_statuses(text: str, status: str | None) -> None:
    assert parse_status(text) == status
    assert parse_status(unicodedata.normalize("NFD", text)) == status


@pytest.mark.parametrize("text", ["Chưa hoàn thành", "chua hoan thanh", "Chưa được hoàn thành", "Chưa xong", "Not completed",
                                  "Not yet done", "CHƯA HOÀN THÀNH"])
def test_negated_done_is_not_done(text: str) -> None:
    # Not completed — and not certainly started either (SPEC §5.1): nothing recorded, the sender told.
    assert parse_status(text) != "completed"
    assert read_status(text).problem == "status_uncertain"


@pytest.mark.parametrize(
    "text,value",
    [("60%", 60), ("60 %", 60), ("60\u00a0%", 60), ("60 phần trăm", 60), ("60 phan tram", 60), ("60", 60), ("60,5%", 61),
     ("60.5%", 61), ("0%", 0), ("100%", 100), ("Đạt 75%", 75), ("khoảng 40%", 40)],
)
def test_progress(text: str, value: int) -> None:
    assert parse_progress(text) == (value, True)


@pytest.mark.parametrize("text", ["150%", "101", "-5%", "chưa rõ", "n/a"])
def test_invalid_progress(text: str) -> None:
    assert parse_progress(text) == (None, False)


def test_empty_progress_is_not_an_error() -> None:
    assert parse_progress("") == (None, True)


@pytest.mark.parametrize("text", ["Không", "không có", "KHÔNG", "-", "Không có khó khăn, vướng mắc.", "Khong"])
def test_nil_values(text: str) -> None:
    assert is_nil(text)


def test_real_values_are_not_nil() -> None:
    assert not is_nil("Không đủ kinh phí")


# --------------------------------------------------------------------------- task codes


@pytest.mark.parametrize("text", ["NV01", "NV-01", "nv 1", "NV 01", "nv1", "NV.01", "NV_1", "NV01 - Xây dựng kế hoạch",
                                  "NV-01: Xây dựng", "nv01."])
def test_task_codes_are_the_same_task(text: str) -> None:
    assert task_key(text) == "nv-1"


def test_task_codes_differ() -> None:
    assert task_key("NV10") != task_key("NV01")
    assert task_key("NV1.2") == "nv-1-2"


DIRECTORY = Directory(
    units=[
        UnitInfo(code="SKHCN", name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN", aliases=["Sở KHCN"],
                 emails=["skhcn@example.gov.vn"]),
        UnitInfo(code="VPUB", name="Văn phòng UBND tỉnh", emails=["vp@example.gov.vn", "cntt@example.gov.vn"]),
        UnitInfo(code="TTHCC", name="Trung tâm Phục vụ hành chính công", emails=["cntt@example.gov.vn"]),
    ],
    tasks=[
        TaskInfo(code="NV01", title="Xây dựng kế hoạch triển khai Nghị quyết 57", lead_unit="SKHCN"),
        TaskInfo(code="NV10", title="Thu hút dự án công nghệ cao", lead_unit="SKHCN"),
    ],
)


def _mail(body: str, sender: str = "skhcn@example.gov.vn", subject: str = "Báo cáo ngày 20/05/2025",
          extra: str = "") -> bytes:
    from email.header import Header

    head = (f"From: {sender}\r\nTo: baocao@example.gov.vn\r\nSubject: {Header(subject, 'utf-8').encode()}\r\n"
            f"Date: Tue, 20 May 2025 15:40:00 +0700\r\nMessage-ID: <x1@example.gov.vn>\r\n{extra}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return head.encode() + body.replace("\n", "\r\n").encode("utf-8")


def _ctx(**kw: object) -> ParseContext:
    return ParseContext(directory=DIRECTORY, own_addresses=["baocao@example.gov.vn"],
                        received_at=datetime(2025, 5, 20, 15, 40, tzinfo=ICT), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["NV01", "NV-01", "nv 1", "Nv 01", "NV01 – Xây dựng kế hoạch"])
def test_task_code_variants_resolve_to_the_listed_code(code: str) -> None:
    r = parse_message(_mail(f"Nhiệm vụ: {code}\nTiến độ: 50%\n"), _ctx())
    assert r.outcome == "accepted"
    assert [t.code for t in r.tasks] == ["NV01"]
    assert not [w for w in r.warnings if w.code == "unknown_task"]


def test_task_by_title_only() -> None:
    r = parse_message(_mail("Nhiệm vụ: Xây dựng kế hoạch triển khai Nghị quyết 57\nTiến độ: 50%\n"), _ctx())
    assert [t.code for t in r.tasks] == ["NV01"]


def test_completed_without_progress_is_100() -> None:
    r = parse_message(_mail("Nhiệm vụ: NV01\nTình trạng: Hoàn thành\n"), _ctx())
    assert (r.tasks[0].status, r.tasks[0].progress) == ("completed", 100)


def test_unit_by_name_alias_and_short_name() -> None:
    for name in ("SKHCN", "Sở Khoa học và Công nghệ", "SO KHOA HOC VA CONG NGHE", "Sở KH&CN", "Sở KHCN", "skhcn"):
        r = parse_message(_mail(f"Đơn vị: {name}\nNhiệm vụ: NV01\nTiến độ: 5%\n"), _ctx())
        assert r.unit == "SKHCN", name


def test_shared_address_must_name_the_unit() -> None:
    r = parse_message(_mail("Nhiệm vụ: NV01\nTiến độ: 5%\n", sender="cntt@example.gov.vn"), _ctx())
    assert (r.outcome, r.codes, r.sender_units) == ("rejected", ["unknown_unit"], ["VPUB", "TTHCC"])
    r = parse_message(_mail("Đơn vị: TTHCC\nNhiệm vụ: NV01\nTiến độ: 5%\n", sender="cntt@example.gov.vn"), _ctx())
    assert (r.outcome, r.unit) == ("accepted", "TTHCC")


def test_sender_is_case_insensitive() -> None:
    r = parse_message(_mail("Nhiệm vụ: NV01\nTiến độ: 5%\n", sender="SKHCN@Example.GOV.vn"), _ctx())
    assert (r.outcome, r.unit) == ("accepted", "SKHCN")


# --------------------------------------------------------------------------- quotes, HTML, flowed


def test_split_vietnamese_quote_headers() -> None:
    text = "Tiến độ: 60%\n\n----- Thư gốc -----\nTừ: a@b\nTới: c@d\nĐã gửi: Thứ Ba\nChủ đề: x\n\nTiến độ: 40%"
    segs = split(text)
    assert [s.kind for s in segs] == ["new", "reply"]
    assert segs[1].header[0].startswith("----- Thư gốc")
    assert "Tiến độ: 40%" in segs[1].lines


def test_split_forward_keeps_its_header_block() -> None:
    text = "Chuyển anh.\n\n----- Thư đã chuyển tiếp -----\nTừ: a@b\nTới: c@d\nĐã gửi: x\nChủ đề: y\n\nNhiệm vụ: NV01"
    segs = split(text)
    assert [s.kind for s in segs] == ["new", "forward"]
    assert "Nhiệm vụ: NV01" in segs[1].lines


def test_split_gmail_attribution_on_two_lines() -> None:
    text = "Tiến độ: 60%\n\nVào Th 3, 20 thg 5, 2025 vào lúc 14:30 Kênh báo cáo <\nbaocao@x.vn> đã viết:\n\n> Tiến độ: 40%"
    assert [s.kind for s in split(text)] == ["new", "reply"]


def test_original_message_is_a_reply() -> None:
    assert [s.kind for s in split("OK\n-----Original Message-----\nFrom: a\nSent: b\n\nTiến độ: 40%")] == ["new", "reply"]


def test_html_quote_markers_and_blocks() -> None:
    r = html_to_text('<div>Tiến độ: 60%</div><div><br></div><div id="divRplyFwdMsg"><b>Từ:</b> x</div><div>Tiến độ: 40%</div>')
    lines = r.text.split("\n")
    assert lines[0] == "Tiến độ: 60%" and lines[1] == ""
    assert [s.kind for s in split(r.text)] == ["new", "reply"]


def test_word_html_paragraphs_are_single_lines() -> None:
    r = html_to_text('<p class=MsoNormal><b>Đơn vị:</b> STC<o:p></o:p></p>\n<p class=MsoNormal>Tiến độ:&nbsp;60%</p>'
                     '<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Kết quả: x</p>')
    assert r.text == "Đơn vị: STC\nTiến độ:\u00a060%\n\nKết quả: x"


def test_html_table_cells() -> None:
    r = html_to_text("<table><tr><td>Mã nhiệm vụ</td><td>Tiến độ (%)</td></tr><tr><td><p>NV01</p></td><td>60</td></tr></table>")
    assert r.tables == [[["Mã nhiệm vụ", "Tiến độ (%)"], ["NV01", "60"]]]


def test_unflow() -> None:
    assert unflow("Kết quả: Đã trình dự thảo \nkế hoạch.\n-- \nAn") == "Kết quả: Đã trình dự thảo kế hoạch.\n-- \nAn"
    assert unflow("> a \n> b\nc") == "> a b\nc"
    assert unflow("ab \ncd", delsp=True) == "abcd"


def test_quoted_reminder_is_never_read() -> None:
    body = ("Đơn vị đã báo cáo qua điện thoại.\n\n-----Original Message-----\nFrom: Kênh <baocao@example.gov.vn>\n"
            "Sent: Tuesday\nTo: skhcn@example.gov.vn\nSubject: Nhắc\n\nNhiệm vụ: NV01\nTiến độ: 40%\n")
    r = parse_message(_mail(body, subject="FW: [Nhắc báo cáo] Ngày 20/05/2025"), _ctx())
    assert (r.outcome, r.codes) == ("rejected", ["not_a_report"])


def test_outlook_forward_by_subject_is_read() -> None:
    body = ("Chuyển báo cáo.\n\n________________________________\nFrom: Trần Văn B <b@example.gov.vn>\n"
            "Sent: Tuesday, May 20, 2025 2:00 PM\nTo: skhcn@example.gov.vn\nSubject: BC\n\nNhiệm vụ: NV01\nTiến độ: 45%\n")
    r = parse_message(_mail(body, subject="FW: BC ngày 20/05/2025"), _ctx())
    assert r.outcome == "accepted" and r.tasks[0].progress == 45
    r = parse_message(_mail(body, subject="RE: BC ngày 20/05/2025"), _ctx())
    assert r.codes == ["not_a_report"]


# --------------------------------------------------------------------------- bad input (issue 2)


GOOD = _mail("Đơn vị: SKHCN\nLoại báo cáo: Ngày\nKỳ báo cáo: 20/05/2025\n\nNhiệm vụ: NV01\nTình trạng: Đang thực hiện\n"
             "Tiến độ: 60%\n")


def test_the_good_message_is_accepted() -> None:
    r = parse_message(GOOD, _ctx())
    assert (r.outcome, r.unit, r.kind, r.period) == ("accepted", "SKHCN", "daily", "2025-05-20")


@pytest.mark.parametrize(
    "raw,code",
    [
        (b"", "unknown_sender"),
        (bytes(range(256)) * 16, "unknown_sender"),
        (b"\x00" * 5000, "unknown_sender"),
        (GOOD[: GOOD.index(b"\r\n\r\n") - 40], "not_a_report"),  # truncated inside the headers: From survives
        (GOOD[: GOOD.index(b"Nhi")], "not_a_report"),  # truncated before the first task
        (GOOD.replace(b"Content-Type: text/plain", b"Content-Type: image/png"), "not_a_report"),
        (b"X-Junk: " + b"a" * 300_000 + b"\r\n" + GOOD, "too_large"),
    ],
    ids=["empty", "binary", "nul", "truncated-headers", "truncated-body", "no-text-part", "huge-header"],
)
def test_bad_input_gives_an_outcome_and_a_reason(raw: bytes, code: str) -> None:
    r = parse_message(raw, _ctx())
    assert r.outcome in ("rejected", "ignored")
    assert r.codes == [code]


def test_too_large_and_auth() -> None:
    assert parse_message(GOOD, _ctx(max_bytes=100)).codes == ["too_large"]
    assert parse_message(GOOD, _ctx(auth_policy="any_pass", trusted_authserv_ids=["mx.example.gov.vn"])).codes == ["auth_failed"]
    ok = GOOD.replace(b"From:", b"Authentication-Results: mx.example.gov.vn; dkim=pass header.d=example.gov.vn\r\nFrom:")
    assert parse_message(ok, _ctx(auth_policy="any_pass", trusted_authserv_ids=["mx.example.gov.vn"])).outcome == "accepted"
    forged = GOOD.replace(b"From:", b"Authentication-Results: evil.example; dmarc=pass\r\nFrom:")
    assert parse_message(forged, _ctx(auth_policy="dmarc", trusted_authserv_ids=["mx.example.gov.vn"])).codes == ["auth_failed"]


@pytest.mark.parametrize(
    "extra,code",
    [
        ("Auto-Submitted: auto-replied\r\n", "auto_reply"),
        ("Auto-Submitted: auto-replied (zimbra; vacation)\r\n", "auto_reply"),
        ("X-Autoreply: yes\r\n", "auto_reply"),
        ("X-Auto-Response-Suppress: All\r\nX-MS-Exchange-Inbox-Rules-Loop: skhcn@example.gov.vn\r\n", "auto_reply"),
        ("Precedence: bulk\r\n", "mailing_list"),
        ("List-Id: <cds.lists.example.gov.vn>\r\n", "mailing_list"),
        ("List-Unsubscribe: <mailto:x@lists>\r\n", "mailing_list"),
        ("Return-Path: <>\r\n", "bounce"),
        ("X-baocao-Loop: baocao@example.gov.vn\r\n", "own_message"),
    ],
)
def test_machine_mail_is_ignored(extra: str, code: str) -> None:
    r = parse_message(_mail("Nhiệm vụ: NV01\nTiến độ: 5%\n", extra=extra), _ctx())
    assert (r.outcome, r.codes) == ("ignored", [code])


def test_auto_submitted_no_and_suppress_alone_are_people() -> None:
    for extra in ("Auto-Submitted: no\r\n", "X-Auto-Response-Suppress: All\r\n"):
        assert parse_message(_mail("Nhiệm vụ: NV01\nTiến độ: 5%\n", extra=extra), _ctx()).outcome == "accepted"


@pytest.mark.parametrize("sender,code", [("baocao@example.gov.vn", "own_message"), ("MAILER-DAEMON@mx.example.gov.vn", "bounce"),
                                         ("no-reply@example.gov.vn", "auto_reply")])
def test_machine_senders(sender: str, code: str) -> None:
    assert parse_message(_mail("Nhiệm vụ: NV01\n", sender=sender), _ctx()).codes == [code]
