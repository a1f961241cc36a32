#!/usr/bin/env python3
"""Free-writing corpus, series A: report mail as focal points really write it.

Run:  python3 tests/freewrite/make_cases_a.py
Writes cases/A*.eml and cases/A*.expected.json next to this file. Deterministic: running it again
produces byte-identical files (fixed dates, Message-IDs and MIME boundaries).

The expected files say what the WRITER meant (see README.md): `null` = not given, a value = that
value must be recorded, `uncertain` = the words do not allow one certain value.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
import email.policy

HERE = Path(__file__).resolve().parent
OUT = HERE / "cases"
TZ = timezone(timedelta(hours=7))
US = "baocao@binhdinh.gov.vn"
US_NAME = "Kênh báo cáo điện tử"

U = object()  # marker: this field is uncertain (record nothing, warn)

CASES: list[dict] = []


def T(status=None, progress=None, **contains):
    return {"status": status, "progress": progress, **contains}


def R(unit, kind, period, tasks, extra_uncertain=()):
    out_tasks, uncertain = {}, []
    for code, t in tasks.items():
        entry = {}
        for field in ("status", "progress"):
            if t[field] is U:
                uncertain.append({"task": code, "field": field})
            else:
                entry[field] = t[field]
        for k, v in t.items():
            if k.endswith("_contains"):
                entry[k] = v
        if entry:
            out_tasks[code] = entry
    uncertain.extend({"task": c, "field": f} for c, f in extra_uncertain)
    rep = {"unit": unit, "kind": kind, "period": period, "tasks": out_tasks}
    if uncertain:
        rep["uncertain"] = uncertain
    return rep


def case(cid, slug, description, sender, subject, received, body, reports=(), *,
         absent=(), outcome="accepted", codes=(), cte="8bit", crlf=False, headers=(),
         html=None, reply_to_reminder=False, mailer=None, nfd=False, delay_s=40):
    CASES.append(dict(cid=cid, slug=slug, description=description, sender=sender,
                      subject=subject, received=received, body=body, reports=list(reports),
                      absent=list(absent), outcome=outcome, codes=list(codes), cte=cte,
                      crlf=crlf, headers=list(headers), html=html,
                      reply_to_reminder=reply_to_reminder, mailer=mailer, nfd=nfd,
                      delay_s=delay_s))


# ---------------------------------------------------------------------------------------------
# senders (display name, address) — every address is one of its unit's `emails`
SKHCN = ("Nguyễn Văn An", "skhcn@binhdinh.gov.vn")
SKHCN_GMAIL = ("Nguyễn Văn An", "nguyenvanan.skhcn@gmail.com")
STC = ("Trần Thị Bích Ngọc", "stc@binhdinh.gov.vn")
CAT = ("Lê Minh Tuấn", "pc06.cat@binhdinh.gov.vn")
CAT2 = ("Đầu mối ĐA06 - Công an tỉnh", "daumoi.de06@congan.binhdinh.gov.vn")
VPUB = ("Phạm Thị Hồng Nhung", "vpub@binhdinh.gov.vn")
SNV = ("Võ Thanh Hải", "snv@binhdinh.gov.vn")
SYT = ("Huỳnh Thị Mai", "syt@binhdinh.gov.vn")
SXD = ("Ngô Văn Bình", "sxd@binhdinh.gov.vn")
XA_CHUNG = ("Lê Thị Thanh", "vanphong.xa@binhdinh.gov.vn")  # shared: XTP and XPC
XTP = ("Lê Thị Thanh", "tuyphuoc@binhdinh.gov.vn")
XPC = ("Lê Thị Thanh - UBND xã Phù Cát", "phucat@binhdinh.gov.vn")
DHQN = ("Trương Văn Long", "khcn@qnu.edu.vn")


def d(day, hh, mm, month=11):
    return datetime(2026, month, day, hh, mm, 0, tzinfo=TZ)


# =============================================================================================
# A. paragraphs, numbered lines, titles only
# =============================================================================================

case("A001", "skhcn_doan_van_moi_nhiem_vu",
     "SKHCN focal point writes one paragraph per task with the code in parentheses; 'ước đạt khoảng 75%' "
     "is a single approximate value (taken); '3/4 khối lượng' is 75; signature with phone numbers",
     SKHCN, "Báo cáo tiến độ ngày 20/11/2026 - Sở KH&CN", d(20, 15, 10),
     """Kính gửi Văn phòng UBND tỉnh,

Sở Khoa học và Công nghệ báo cáo tình hình thực hiện các nhiệm vụ ngày 20/11/2026 như sau:

Về nhiệm vụ NV01 (Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh): Sở đã hoàn thiện dự thảo lần 3, hiện đang thực hiện lấy ý kiến các sở, ngành, ước đạt khoảng 75%. Khó khăn: một số đơn vị còn chậm gửi góp ý.

Đối với nhiệm vụ rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo (NV02): đang thực hiện, đã rà soát xong 3/4 khối lượng văn bản.

Về NV03: chưa triển khai do chưa được bố trí kinh phí. Đề xuất Sở Tài chính sớm thẩm định dự toán.

Trân trọng./.

--
Nguyễn Văn An
Chuyên viên Văn phòng Sở Khoa học và Công nghệ
ĐT: 0256 3822 512 - DĐ: 0905 112 233
""",
     [R("SKHCN", "daily", "2026-11-20", {
         "NV01": T("in_progress", 75, result_contains="dự thảo lần 3",
                   difficulties_contains="chậm gửi góp ý"),
         "NV02": T("in_progress", 75),
         "NV03": T("not_started", None, proposals_contains="thẩm định dự toán"),
     })])

case("A002", "skhcn_dong_danh_so_trang_thai_tren_dong",
     "SKHCN from the focal point's Gmail: numbered lines '1. Nhiệm vụ NV01 – title: status, đạt 55%'; "
     "the 57 of 'Nghị quyết 57-NQ/TW' is not progress",
     SKHCN_GMAIL, "BC ngày 18/11", d(18, 16, 5),
     """Kính gửi VP UBND tỉnh,
Sở KH&CN báo cáo tiến độ ngày 18/11/2026:

1. Nhiệm vụ NV01 – Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh: đang thực hiện, đạt 55%.
2. Nhiệm vụ NV02 – Rà soát cơ chế hỗ trợ DN khởi nghiệp ĐMST: đang thực hiện, đạt 40%. Vướng mắc: chưa có hướng dẫn của Bộ KH&CN về tiêu chí xác định doanh nghiệp khởi nghiệp.
3. Nhiệm vụ NV03 – Xây dựng sàn giao dịch công nghệ tỉnh: chưa thực hiện.

Trân trọng.
An
""",
     [R("SKHCN", "daily", "2026-11-18", {
         "NV01": T("in_progress", 55),
         "NV02": T("in_progress", 40, difficulties_contains="hướng dẫn của Bộ"),
         "NV03": T("not_started", None),
     })])

case("A003", "cat_ten_nhiem_vu_khong_ma_12_20_xa",
     "Police (CAT) names both its tasks by full title only, bulleted; '12/20 xã, phường' means 60 "
     "(and 'đã hoàn thành làm sạch tại…' inside an in-progress line is not completed); '62,5%' decimal comma",
     CAT, "Công an tỉnh báo cáo tiến độ Đề án 06 ngày 17/11/2026", d(17, 15, 45),
     """Kính gửi: Văn phòng UBND tỉnh.

Công an tỉnh báo cáo kết quả thực hiện nhiệm vụ trong ngày như sau:

- Làm sạch dữ liệu dân cư phục vụ Đề án 06: đang thực hiện; đã hoàn thành làm sạch dữ liệu tại 12/20 xã, phường trọng điểm.
- Cấp tài khoản định danh điện tử mức độ 2 cho người dân: đang triển khai, tiến độ đạt 62,5% so với chỉ tiêu.

Khó khăn: nhiều công dân đi làm ăn xa chưa về kích hoạt tài khoản.

Trân trọng!
Đại úy Lê Minh Tuấn
Phòng PC06 - Công an tỉnh Bình Định
SĐT: 0935.456.789
""",
     [R("CAT", "daily", "2026-11-17", {
         "NV05": T("in_progress", 60),
         "NV06": T("in_progress", 62.5),
     })])

case("A004", "xtp_dien_thoai_khong_dau",
     "Tuy Phước commune from a phone, no diacritics, one line, no greeting: 'NV12 dang lam dat 60%, NV13 xong'",
     XTP, "bc ngay 19/11", d(19, 16, 12),
     "NV12 dang lam dat 60%, NV13 xong\n\nĐược gửi từ iPhone của tôi\n",
     [R("XTP", "daily", "2026-11-19", {
         "NV12": T("in_progress", 60),
         "NV13": T("completed", 100),
     })], mailer="iPhone Mail (20H240)")

case("A005", "xpc_chi_co_tieu_de",
     "Phù Cát commune: the whole report is in the subject, empty body, no period (daily, arrival day)",
     XPC, "NV15 dang trien khai dat 45%, NV14 hoan thanh", d(24, 16, 20),
     "",
     [R("XPC", "daily", "2026-11-24", {
         "NV15": T("in_progress", 45),
         "NV14": T("completed", 100),
     })])

# =============================================================================================
# B. status words with modifiers
# =============================================================================================

case("A006", "snv_chua_hoan_thanh",
     "SNV labelled form: 'Tình trạng: Chưa hoàn thành' with 70% — not completed, and not a status one can "
     "pick with certainty (status uncertain, progress 70); coordinated task NV05 in progress",
     SNV, "Sở Nội vụ báo cáo ngày 25/11/2026", d(25, 15, 30),
     """Đơn vị: Sở Nội vụ
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV08 – Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức
Tình trạng: Chưa hoàn thành
Tiến độ: 70%
Kết quả: Đã nhập liệu, số hóa hồ sơ của 18/25 cơ quan, đơn vị.
Khó khăn, vướng mắc: Hồ sơ giấy của một số đơn vị chưa đầy đủ, phải bổ sung.

Nhiệm vụ: NV05 (phối hợp Công an tỉnh)
Tình trạng: Đang thực hiện
Kết quả: Đã cung cấp danh sách cán bộ, công chức để đối chiếu dữ liệu dân cư.

Võ Thanh Hải - Văn phòng Sở Nội vụ
""",
     [R("SNV", "daily", "2026-11-25", {
         "NV08": T(U, 70, result_contains="18/25 cơ quan", difficulties_contains="chưa đầy đủ"),
         "NV05": T("in_progress", None, result_contains="danh sách cán bộ"),
     })])

case("A007", "stc_sap_hoan_thanh",
     "STC: 'Tình trạng: Sắp hoàn thành (…)' with 90% — 'about to finish' is not completed (status "
     "uncertain); proposals line; coordinated NV01 in progress",
     STC, "Báo cáo ngày 25/11/2026 - Sở Tài chính", d(25, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,
Sở Tài chính báo cáo:

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp KH&CN và chuyển đổi số năm 2026
Tình trạng: Sắp hoàn thành (đã trình UBND tỉnh dự thảo Quyết định phân bổ)
Tiến độ: 90%
Đề xuất, kiến nghị: Kính đề nghị UBND tỉnh sớm xem xét ký ban hành Quyết định.

Nhiệm vụ: NV01 (phối hợp)
Tình trạng: Đang thực hiện
Kết quả: Đã có ý kiến góp ý dự thảo lần 3 gửi Sở KH&CN.

Trân trọng./.
Ngọc - VP Sở TC
""",
     [R("STC", "daily", "2026-11-25", {
         "NV04": T(U, 90, proposals_contains="sớm xem xét ký ban hành"),
         "NV01": T("in_progress", None, result_contains="góp ý dự thảo lần 3"),
     })], cte="quoted-printable")

case("A008", "vpub_co_ban_hoan_thanh",
     "VPUB paragraph: 'cơ bản hoàn thành việc rà soát … ước đạt 95%' (basically done = not completed, "
     "status uncertain); '1.234' and '456' procedures and the date 10/12 are not progress; NV01 named "
     "with neither status nor progress",
     VPUB, "VP UBND tỉnh - báo cáo ngày 26/11", d(26, 15, 50),
     """Văn phòng UBND tỉnh báo cáo tiến độ nhiệm vụ ngày 26/11/2026:

NV07 - Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình: cơ bản hoàn thành việc rà soát; đã rà soát 1.234 thủ tục hành chính, đề xuất 456 thủ tục đủ điều kiện cung cấp trực tuyến toàn trình; ước đạt 95%. Dự kiến trình Chủ tịch UBND tỉnh phê duyệt danh mục trước ngày 10/12/2026.

NV01 (phối hợp Sở KH&CN): đã góp ý dự thảo kế hoạch, không có vướng mắc.

Nhung - Phòng Kiểm soát TTHC
""",
     [R("VPUB", "daily", "2026-11-26", {
         "NV07": T(U, 95, result_contains="1.234"),
         "NV01": T(None, None),
     })], mailer="Zimbra 8.8.15_GA_4177 (ZimbraWebClient - GC119 (Win)/8.8.15_GA_4177)")

case("A009", "syt_hoan_thanh_giai_doan_1",
     "SYT labelled form: 'Tình trạng: Hoàn thành giai đoạn 1' with 60% — a phase done is not the task "
     "done (status uncertain); '03/05 bệnh viện' in the result agrees with 60",
     SYT, "Báo cáo ngày 19/11/2026", d(19, 15, 20),
     """Đơn vị: Sở Y tế
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV09 - Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh
Tình trạng: Hoàn thành giai đoạn 1
Tiến độ: 60%
Kết quả: 03/05 bệnh viện tuyến tỉnh đã triển khai bệnh án điện tử (BV Đa khoa tỉnh, BV Y học cổ truyền, BV Mắt).
Khó khăn, vướng mắc: BV Lao và Bệnh phổi chưa đủ hạ tầng máy chủ.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN hỗ trợ giải pháp lưu trữ.
""",
     [R("SYT", "daily", "2026-11-19", {
         "NV09": T(U, 60, difficulties_contains="hạ tầng máy chủ",
                   proposals_contains="giải pháp lưu trữ"),
     })])

case("A010", "sxd_da_hoan_thanh_80_phan_tram",
     "SXD: 'đã hoàn thành 80% khối lượng (16/20 nút giao…)' — progress 80, no status word beyond the "
     "modified 'hoàn thành' (status uncertain, never completed)",
     SXD, "SXD bao cao ngay 23/11", d(23, 16, 10),
     """Kính gửi VP UBND tỉnh,

Sở Xây dựng báo cáo nhiệm vụ NV10 (Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao): đã hoàn thành 80% khối lượng (16/20 nút giao đã lắp camera). Vướng mắc: 4 nút giao còn lại đang chờ di dời cột điện.

Trân trọng.
Ngô Văn Bình - P. Quản lý hạ tầng giao thông
""",
     [R("SXD", "daily", "2026-11-23", {
         "NV10": T(U, 80, difficulties_contains="di dời cột điện"),
     })])

case("A011", "dhqn_dang_hoan_thanh_thu_tuc_tuan",
     "University, weekly report (week number in subject): 'đang hoàn thành thủ tục, hồ sơ trình…' is "
     "ongoing work (in_progress), 85%; difficulties and 'Kiến nghị' lines",
     DHQN, "Báo cáo tuần 48/2026 - Trường ĐH Quy Nhơn", d(27, 14, 0),
     """Kính gửi Văn phòng UBND tỉnh,

Trường Đại học Quy Nhơn báo cáo tiến độ thực hiện nhiệm vụ trong tuần:

Nhiệm vụ NV11 – Thành lập Trung tâm đổi mới sáng tạo tại Trường: Trường đang hoàn thành thủ tục, hồ sơ trình UBND tỉnh quyết định thành lập Trung tâm; tiến độ đạt 85%.
Khó khăn: chưa bố trí được biên chế cho Trung tâm.
Kiến nghị: Đề nghị Sở Nội vụ hướng dẫn về vị trí việc làm.

Trân trọng,
TS. Trương Văn Long
Phó Trưởng phòng Khoa học và Hợp tác quốc tế
Trường Đại học Quy Nhơn - 170 An Dương Vương, Quy Nhơn
""",
     [R("DHQN", "weekly", "2026-W48", {
         "NV11": T("in_progress", 85, difficulties_contains="biên chế",
                   proposals_contains="vị trí việc làm"),
     })])

case("A012", "cat_khong_hoan_thanh_dung_han_dang_tiep_tuc",
     "CAT second mailbox: 'không hoàn thành đúng hạn mốc 20/11…, hiện đang tiếp tục thực hiện, đạt 71%' "
     "is in progress (the 20/11 is a date); terse second line 'NV05: đang thực hiện, 88%'",
     CAT2, "CA tỉnh BC ngày 24/11/2026", d(24, 15, 40),
     """1. NV06 - Cấp tài khoản định danh điện tử mức độ 2: không hoàn thành đúng hạn mốc 20/11 theo kế hoạch của Công an tỉnh, hiện đang tiếp tục thực hiện, đạt 71%.
2. NV05: đang thực hiện, 88%.
--
Lê Minh Tuấn - PC06
""",
     [R("CAT", "daily", "2026-11-24", {
         "NV06": T("in_progress", 71),
         "NV05": T("in_progress", 88),
     })])

case("A013", "xtp_hoan_thanh_tre_han",
     "Tuy Phước: 'Hoàn thành trễ hạn 05 ngày…' is completed (late) → 100; '9/12 thôn' for NV13 is 75",
     XTP, "UBND xã Tuy Phước báo cáo ngày 27/11", d(27, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,
UBND xã Tuy Phước báo cáo:
- NV12 (Triển khai chữ ký số cho cán bộ cấp xã): Hoàn thành trễ hạn 05 ngày so với kế hoạch của xã; 100% cán bộ, công chức xã đã được cấp chữ ký số.
- NV13 (Phổ cập kỹ năng số): đang thực hiện, 9/12 thôn đã có tổ công nghệ số cộng đồng hoạt động.
Trân trọng.
Lê Thị Thanh - Văn phòng HĐND và UBND xã
""",
     [R("XTP", "daily", "2026-11-27", {
         "NV12": T("completed", 100),
         "NV13": T("in_progress", 75),
     })])

case("A014", "vpub_da_xong",
     "VPUB, '+' bullets: 'NV07: đã xong' (completed, no % → 100) with the decision number in the result; "
     "NV01 in progress without progress",
     VPUB, "Báo cáo ngày 27/11/2026", d(27, 16, 15),
     """Dạ, VP UBND tỉnh báo cáo ngày 27/11:
+ NV07: đã xong. Chủ tịch UBND tỉnh đã ký Quyết định số 2150/QĐ-UBND ngày 27/11/2026 công bố danh mục 456 thủ tục trực tuyến toàn trình.
+ NV01: đang phối hợp với Sở KH&CN hoàn thiện dự thảo kế hoạch, đang thực hiện.
""",
     [R("VPUB", "daily", "2026-11-27", {
         "NV07": T("completed", 100, result_contains="2150/QĐ-UBND"),
         "NV01": T("in_progress", None),
     })])

case("A015", "snv_tieu_de_trung_hai_xa",
     "SNV coordinates digital signatures in both communes (NV12 and NV14 share the same title): a line "
     "naming that title only cannot be attributed to one task — neither may get the 80%",
     SNV, "Sở Nội vụ BC ngày 26/11/2026", d(26, 16, 0),
     """Sở Nội vụ báo cáo ngày 26/11/2026:
1. NV08: đang thực hiện, đạt 72%.
2. Về phối hợp triển khai chữ ký số cho cán bộ cấp xã: Sở đã phối hợp Bưu điện tỉnh tổ chức cấp chữ ký số, đến nay đạt 80%.
Trân trọng.
""",
     [R("SNV", "daily", "2026-11-26", {
         "NV08": T("in_progress", 72),
     })], absent=["NV12", "NV14"])

# =============================================================================================
# C. progress with meaning
# =============================================================================================

case("A016", "skhcn_62_5_khoang_trang_cung",
     "SKHCN labelled form with a tab after the colon, a space before it, '62,5\\u00a0%' with a "
     "non-breaking space (62.5); NV03 not started with 0%",
     SKHCN, "Báo cáo ngày 16/11/2026", d(16, 15, 55),
     "Đơn vị: Sở KH&CN\nLoại báo cáo: Ngày\nKỳ báo cáo: 16/11/2026\n\n"
     "Nhiệm vụ: NV02\nTình trạng:\tĐang thực hiện\nTiến độ : 62,5\u00a0%\n"
     "Kết quả: Đã tổng hợp 5/8 nhóm chính sách cần sửa đổi, bổ sung.\n\n"
     "Nhiệm vụ: NV03\nTình trạng: Chưa triển khai\nTiến độ: 0%\n",
     [R("SKHCN", "daily", "2026-11-16", {
         "NV02": T("in_progress", 62.5, result_contains="5/8 nhóm"),
         "NV03": T("not_started", 0),
     })])

case("A017", "syt_0_8_khong_ro",
     "SYT short note: 'Tiến độ: 0,8' alone — 0.8%? 80%? (progress uncertain); status given",
     SYT, "BC ngày 17/11 - SYT", d(17, 16, 5),
     """NV09: Đang thực hiện. Tiến độ: 0,8
Kết quả: đã triển khai tại BV Đa khoa tỉnh và BV Mắt.
Mai - SYT
""",
     [R("SYT", "daily", "2026-11-17", {
         "NV09": T("in_progress", U),
     })])

case("A018", "cat_khoang_70_80",
     "CAT paragraph: 'ước đạt khoảng 70-80% chỉ tiêu' is a range (progress uncertain); NV05 85%",
     CAT, "Báo cáo nhanh ngày 18/11/2026", d(18, 15, 30),
     """Kính gửi VP UBND tỉnh

CA tỉnh báo cáo nhanh tiến độ ngày 18/11/2026:
Về nhiệm vụ NV06 - cấp tài khoản định danh điện tử mức độ 2: đang triển khai, ước đạt khoảng 70-80% chỉ tiêu (số liệu đang tổng hợp từ Công an các xã).
Về NV05: đang thực hiện, đạt 85%.

Trân trọng.
""",
     [R("CAT", "daily", "2026-11-18", {
         "NV06": T("in_progress", U),
         "NV05": T("in_progress", 85),
     })])

case("A019", "xpc_tinh_den_ngay_25_dat_70",
     "Phù Cát: 'tính đến ngày 25/11 đạt 70% (05/07 trường học và 02/03 chợ…)' — 70; the date and the "
     "sub-counts are not the progress",
     XPC, "UBND xa Phu Cat bao cao ngay 25/11/2026", d(25, 16, 0),
     """UBND xã Phù Cát báo cáo ngày 25/11/2026.

NV15 - Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện; tính đến ngày 25/11 đạt 70% (05/07 trường học và 02/03 chợ đã áp dụng).
NV14: đang thực hiện, đạt 90%.
""",
     [R("XPC", "daily", "2026-11-25", {
         "NV15": T("in_progress", 70),
         "NV14": T("in_progress", 90),
     })])

case("A020", "stc_da_hoan_thanh_dat_100",
     "STC: 'Đã hoàn thành, đạt 100%' plus the decision number; coordinated NV02 in progress",
     STC, "Sở Tài chính báo cáo ngày 27/11/2026", d(27, 15, 45),
     """Kính gửi Văn phòng UBND tỉnh,

Nhiệm vụ NV04: Đã hoàn thành, đạt 100%. UBND tỉnh đã ban hành Quyết định số 2088/QĐ-UBND ngày 26/11/2026 phân bổ kinh phí sự nghiệp KH&CN và chuyển đổi số năm 2026.
Nhiệm vụ NV02 (phối hợp Sở KH&CN): đang thực hiện, chưa có vướng mắc.

Trân trọng./.
Trần Thị Bích Ngọc
Phòng Tài chính hành chính sự nghiệp - Sở Tài chính
""",
     [R("STC", "daily", "2026-11-27", {
         "NV04": T("completed", 100, result_contains="2088/QĐ-UBND"),
         "NV02": T("in_progress", None),
     })])

case("A021", "xtp_60_phan_tram_22_25_can_bo",
     "Tuy Phước: '60 phần trăm' in words; '22/25 cán bộ' is 88",
     XTP, "Báo cáo ngày 16/11/2026", d(16, 16, 5),
     """UBND xã Tuy Phước báo cáo ngày 16/11/2026:
- NV13: đang thực hiện, đạt 60 phần trăm kế hoạch.
- NV12: đang triển khai, đã cấp chữ ký số cho 22/25 cán bộ.
""",
     [R("XTP", "daily", "2026-11-16", {
         "NV13": T("in_progress", 60),
         "NV12": T("in_progress", 88),
     })], cte="quoted-printable")

case("A022", "skhcn_hoan_thanh_nhung_80",
     "SKHCN labelled form: 'Tình trạng: Hoàn thành' with 'Tiến độ: 80%' — contradiction, both fields "
     "uncertain; NV02 plain",
     SKHCN, "Báo cáo ngày 19/11/2026", d(19, 16, 0),
     """Nhiệm vụ: NV01
Tình trạng: Hoàn thành
Tiến độ: 80%
Kết quả: Đã trình UBND tỉnh dự thảo Kế hoạch (Tờ trình số 215/TTr-SKHCN).

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 45%
""",
     [R("SKHCN", "daily", "2026-11-19", {
         "NV01": T(U, U, result_contains="215/TTr-SKHCN"),
         "NV02": T("in_progress", 45),
     })])

case("A023", "sxd_chua_thuc_hien_30",
     "SXD: 'Trạng thái: Chưa thực hiện' with 'Tiến độ: 30%' — contradiction, both uncertain; a note",
     SXD, "Báo cáo ngày 17/11/2026 - Sở Xây dựng", d(17, 15, 0),
     """NV10 – Số hóa dữ liệu hạ tầng giao thông, lắp camera các nút giao
Trạng thái: Chưa thực hiện
Tiến độ: 30%
Ghi chú: đang chờ phê duyệt điều chỉnh dự toán.
""",
     [R("SXD", "daily", "2026-11-17", {
         "NV10": T(U, U, notes_contains="điều chỉnh dự toán"),
     })])

# =============================================================================================
# D. periods in words
# =============================================================================================

case("A024", "syt_hom_nay",
     "SYT: 'báo cáo tiến độ hôm nay' (period = arrival day)",
     SYT, "Báo cáo hôm nay của Sở Y tế", d(24, 15, 35),
     """Kính gửi VP UBND tỉnh,
Sở Y tế báo cáo tiến độ hôm nay:
NV09: đang triển khai tại BV Lao và Bệnh phổi, tiến độ chung 70%.
NV05 (phối hợp CA tỉnh): đã đối chiếu dữ liệu tiêm chủng, đang thực hiện.
""",
     [R("SYT", "daily", "2026-11-24", {
         "NV09": T("in_progress", 70),
         "NV05": T("in_progress", None),
     })])

case("A025", "stc_bo_sung_hom_qua",
     "STC sends the next morning (08:40 Thu) 'báo cáo ngày hôm qua' → period Wed 25/11 (late)",
     STC, "Bổ sung báo cáo hôm qua", d(26, 8, 40),
     """Kính gửi VP UBND tỉnh,

Do sự cố đường truyền, chiều hôm qua Sở Tài chính không gửi được báo cáo. Nay Sở gửi bổ sung báo cáo ngày hôm qua như sau:
NV04: đang thực hiện, đạt 85%; đã trình UBND tỉnh dự thảo Quyết định phân bổ.

Mong Văn phòng thông cảm.
Trân trọng.
""",
     [R("STC", "daily", "2026-11-25", {
         "NV04": T("in_progress", 85),
     })])

case("A026", "xpc_tuan_nay",
     "Phù Cát on Friday: 'Báo cáo tuần này' → week 46; title-with-code in parentheses; '18/24 cán bộ' is 75",
     XPC, "Báo cáo tuần này - xã Phù Cát", d(13, 15, 0),
     """UBND xã Phù Cát báo cáo kết quả thực hiện nhiệm vụ tuần này:
1. Triển khai chữ ký số cho cán bộ cấp xã (NV14): đang thực hiện, đã cấp 18/24 cán bộ.
2. NV15: đang thực hiện 40%; khó khăn: tiểu thương ở chợ Gồm chưa quen dùng mã QR.
""",
     [R("XPC", "weekly", "2026-W46", {
         "NV14": T("in_progress", 75),
         "NV15": T("in_progress", 40, difficulties_contains="mã QR"),
     })])

case("A027", "sxd_tuan_truoc_gui_bu",
     "SXD on Monday morning: 'gửi bù báo cáo tuần trước' → week 47 (late)",
     SXD, "Gửi bù báo cáo tuần trước", d(23, 9, 10),
     """Kính gửi Văn phòng UBND tỉnh,

Sở Xây dựng xin gửi bù báo cáo tuần trước (do máy chủ thư điện tử của Sở bị lỗi chiều thứ Sáu).
NV10: đang thực hiện, đạt 65%. Trong tuần đã lắp thêm 3 camera tại các nút giao trên QL1A.

Trân trọng./.
""",
     [R("SXD", "weekly", "2026-W47", {
         "NV10": T("in_progress", 65, result_contains="3 camera"),
     })])

case("A028", "snv_thang_nay",
     "SNV on 30/11: 'Báo cáo tháng này' → 2026-11; 'đã hoàn thành nhập liệu 22/25' inside an in-progress "
     "line; one line naming two coordinated tasks (NV12, NV14) with one status",
     SNV, "Báo cáo tháng này - Sở Nội vụ", d(30, 15, 0),
     """Sở Nội vụ báo cáo kết quả thực hiện nhiệm vụ tháng này:
- NV08 (Xây dựng CSDL cán bộ, công chức, viên chức): đang thực hiện, đạt 78%. Trong tháng đã hoàn thành nhập liệu 22/25 cơ quan.
- Phối hợp NV12 (xã Tuy Phước) và NV14 (xã Phù Cát): đã hướng dẫn quy trình đăng ký chữ ký số; đang thực hiện.
Trân trọng.
""",
     [R("SNV", "monthly", "2026-11", {
         "NV08": T("in_progress", 78),
         "NV12": T("in_progress", None),
         "NV14": T("in_progress", None),
     })])

case("A029", "skhcn_thang_11_gui_ngay_0112",
     "SKHCN sends 'báo cáo tháng 11' on 01/12 08:15 → period 2026-11 (the month just ended)",
     SKHCN, "Báo cáo tháng 11 - Sở KH&CN (gửi chậm)", d(1, 8, 15, month=12),
     """Kính gửi Văn phòng UBND tỉnh,

Sở KH&CN gửi báo cáo tháng 11 (đơn vị xin lỗi vì gửi chậm):
1. NV01: đang thực hiện, đạt 85%; dự thảo kế hoạch đã trình UBND tỉnh.
2. NV02: đang thực hiện, đạt 50%.
3. NV03: chưa triển khai.
4. NV04 (phối hợp Sở TC): Sở đã gửi dự toán, đang chờ quyết định phân bổ; đang thực hiện.

Trân trọng./.
Nguyễn Văn An
""",
     [R("SKHCN", "monthly", "2026-11", {
         "NV01": T("in_progress", 85),
         "NV02": T("in_progress", 50),
         "NV03": T("not_started", None),
         "NV04": T("in_progress", None),
     })])

case("A030", "cat_tu_16_den_20_11",
     "CAT weekly ('BC tuan' in subject), body 'từ 16/11 đến 20/11/2026' → week 47; coordinated NV07 and "
     "NV10; 'đã rà soát xong nhóm thủ tục…' is part of ongoing work",
     CAT, "BC tuan - CA tinh", d(20, 15, 20),
     """Công an tỉnh báo cáo kết quả thực hiện nhiệm vụ từ 16/11 đến 20/11/2026:
NV05: đang thực hiện, đạt 86%.
NV06: đang triển khai, đạt 64%.
NV07 (phối hợp VP UBND tỉnh): đã rà soát xong nhóm thủ tục lĩnh vực cư trú, đang thực hiện.
NV10 (phối hợp Sở XD): chưa triển khai phần kết nối dữ liệu camera.
""",
     [R("CAT", "weekly", "2026-W47", {
         "NV05": T("in_progress", 86),
         "NV06": T("in_progress", 64),
         "NV07": T("in_progress", None),
         "NV10": T("not_started", None),
     })])

case("A031", "syt_ky_chi_o_tieu_de",
     "SYT Tuesday 08:05, period only in the subject 'BC ngay 23/11' → 2026-11-23 (late); phone number in "
     "the signature",
     SYT, "BC ngay 23/11 - So Y te", d(24, 8, 5),
     """NV09: đang thực hiện, đạt 68%.
NV05: đang thực hiện (phối hợp Công an tỉnh làm sạch dữ liệu).

Huỳnh Thị Mai
Văn phòng Sở Y tế
0914 567 890
""",
     [R("SYT", "daily", "2026-11-23", {
         "NV09": T("in_progress", 68),
         "NV05": T("in_progress", None),
     })])

# =============================================================================================
# E. carried forward, blanks
# =============================================================================================

case("A032", "skhcn_nhu_bao_cao_hom_qua",
     "SKHCN: 'NV01, NV02: như báo cáo hôm qua' (carried forward — this mail gives no values) and NV03 new",
     SKHCN, "BC ngày 24/11/2026", d(24, 16, 15),
     """Kính gửi VP UBND tỉnh,
NV01, NV02: như báo cáo hôm qua.
NV03: đã có Quyết định giao nhiệm vụ xây dựng đề án sàn giao dịch công nghệ, đang thực hiện, đạt 10%.
Trân trọng.
""",
     [R("SKHCN", "daily", "2026-11-24", {
         "NV01": T(None, None),
         "NV02": T(None, None),
         "NV03": T("in_progress", 10),
     })])

case("A033", "cat_khong_thay_doi_so_voi_hom_qua",
     "CAT: 'NV05, NV06 … không có gì thay đổi so với báo cáo ngày hôm qua' (carried forward), base64 body",
     CAT2, "CA tỉnh báo cáo ngày 25/11/2026", d(25, 16, 20),
     """Kính gửi Văn phòng UBND tỉnh,

Tình hình thực hiện nhiệm vụ NV05, NV06 của Công an tỉnh không có gì thay đổi so với báo cáo ngày hôm qua.

Trân trọng!
PC06 - CA tỉnh
""",
     [R("CAT", "daily", "2026-11-25", {
         "NV05": T(None, None),
         "NV06": T(None, None),
     })], cte="base64")

case("A034", "stc_tien_do_de_trong_gach_khong_ghi",
     "STC form: 'Tiến độ:' left empty, difficulties '-', proposals '(không ghi)' — nothing recorded for them",
     STC, "Báo cáo ngày 16/11/2026", d(16, 16, 0),
     """Đơn vị: STC
Loại báo cáo: Ngày
Kỳ báo cáo: 16/11/2026

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 
Kết quả: Đang tổng hợp đề xuất kinh phí của các đơn vị.
Khó khăn, vướng mắc: -
Đề xuất, kiến nghị: (không ghi)
""",
     [R("STC", "daily", "2026-11-16", {
         "NV04": T("in_progress", None, result_contains="tổng hợp đề xuất kinh phí"),
     })])

case("A035", "xpc_chua_cap_nhat",
     "Phù Cát form with 'chưa cập nhật' in a progress and in a status field; no kind, no period",
     XPC, "Báo cáo tiến độ", d(19, 16, 25),
     """Đơn vị: UBND xã Phù Cát

Nhiệm vụ: NV14
Tình trạng: Đang thực hiện
Tiến độ: chưa cập nhật

Nhiệm vụ: NV15
Tình trạng: chưa cập nhật
Tiến độ: 35%
""",
     [R("XPC", "daily", "2026-11-19", {
         "NV14": T("in_progress", None),
         "NV15": T(None, 35),
     })])

case("A036", "vpub_gach_ngang",
     "VPUB form with an en dash as status, an em dash as difficulties and '-' as progress",
     VPUB, "BC ngày 18/11/2026 - VP UBND tỉnh", d(18, 15, 40),
     """Nhiệm vụ: NV07
Tình trạng: –
Tiến độ: 50%
Kết quả: Đã rà soát 620 thủ tục.
Khó khăn, vướng mắc: —

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: -
""",
     [R("VPUB", "daily", "2026-11-18", {
         "NV07": T(None, 50, result_contains="620 thủ tục"),
         "NV01": T("in_progress", None),
     })])

case("A037", "vpub_hoan_thanh_tien_do_gach",
     "VPUB: 'Tình trạng: Hoàn thành' and 'Tiến độ: -' — completed, progress not given → 100",
     VPUB, "Báo cáo ngày 30/11/2026", d(30, 15, 20),
     """Kính gửi Tổ công tác,
Văn phòng UBND tỉnh báo cáo:

Nhiệm vụ: NV07
Tình trạng: Hoàn thành
Tiến độ: -
Kết quả: Danh mục thủ tục trực tuyến toàn trình đã được công bố.

Trân trọng./.
""",
     [R("VPUB", "daily", "2026-11-30", {
         "NV07": T("completed", 100, result_contains="đã được công bố"),
     })])

# =============================================================================================
# F. greeting, closing, signature
# =============================================================================================

case("A038", "syt_chao_hoi_noi_nhan_chu_ky",
     "SYT official style: greeting, bulleted labels under the task line, 'Nơi nhận' block and a long "
     "signature with address and phone numbers",
     SYT, "Sở Y tế báo cáo tiến độ ngày 20/11/2026", d(20, 15, 0),
     """Kính gửi: Văn phòng Ủy ban nhân dân tỉnh Bình Định

Sở Y tế báo cáo tiến độ thực hiện nhiệm vụ ngày 20/11/2026 như sau:

Nhiệm vụ NV09 – Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh
- Tình trạng: Đang thực hiện
- Tiến độ: 64%
- Kết quả: BV Đa khoa tỉnh, BV Mắt, BV Y học cổ truyền đã vận hành; BV Tâm thần đang chạy thử.
- Khó khăn, vướng mắc: Kinh phí thuê dịch vụ CNTT năm 2027 chưa được bố trí.
- Đề xuất, kiến nghị: Đề nghị Sở Tài chính tham mưu bố trí kinh phí.

Trân trọng./.

Nơi nhận:
- Như trên;
- Giám đốc Sở (để b/c);
- Lưu: VT, VP.

-----------------------------------------
Huỳnh Thị Mai
Phó Chánh Văn phòng - Sở Y tế tỉnh Bình Định
Địa chỉ: 756 Trần Hưng Đạo, TP Quy Nhơn
ĐT: 0256.3822.345 - DĐ: 0914.567.890
""",
     [R("SYT", "daily", "2026-11-20", {
         "NV09": T("in_progress", 64, result_contains="BV Tâm thần",
                   difficulties_contains="Kinh phí thuê dịch vụ",
                   proposals_contains="Sở Tài chính"),
     })], mailer="Microsoft Outlook 16.0")

case("A039", "skhcn_gmail_ca_nhan_chu_ky_nhac_don_vi_khac",
     "SKHCN focal point on personal Gmail (listed), chatty 'Dạ … ạ' style; the proposal names Sở Tài "
     "chính and the signature the unit — neither changes the unit",
     SKHCN_GMAIL, "Sở KH&CN báo cáo ngày 26/11/2026", d(26, 16, 0),
     """Dạ, em An - đầu mối Sở KH&CN gửi báo cáo ngày 26/11/2026 ạ.
NV01 đang thực hiện, đạt 90%, đã trình UBND tỉnh.
NV02 đang thực hiện 55%. Đề xuất: Sở Tài chính (đơn vị phối hợp) sớm có ý kiến về nguồn kinh phí hỗ trợ.
NV03 chưa triển khai.
Em cảm ơn ạ.

Nguyễn Văn An
Văn phòng Sở Khoa học và Công nghệ tỉnh Bình Định
(Em đang đi công tác nên gửi từ mail cá nhân)
""",
     [R("SKHCN", "daily", "2026-11-26", {
         "NV01": T("in_progress", 90),
         "NV02": T("in_progress", 55, proposals_contains="nguồn kinh phí"),
         "NV03": T("not_started", None),
     })])

# =============================================================================================
# G. replies above a quoted reminder
# =============================================================================================

REMINDER_SKHCN = """Kính gửi Sở Khoa học và Công nghệ,

Đến 14:30 ngày 20/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày 20/11/2026 của đơn vị (hạn 16:30).
Đơn vị trả lời thư này và sửa các dòng dưới đây:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 20/11/2026

Nhiệm vụ: NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh
Tình trạng: Đang thực hiện
Tiến độ: 75%

Nhiệm vụ: NV02 - Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo
Tình trạng: Đang thực hiện
Tiến độ: 55%

Nhiệm vụ: NV03 - Xây dựng sàn giao dịch công nghệ tỉnh
Tình trạng: Chưa thực hiện
Tiến độ: 0%

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026 (phối hợp)
Tình trạng: Đang thực hiện
Tiến độ: 80%

--
Kênh báo cáo điện tử - Văn phòng UBND tỉnh"""


def gt(text):
    return "\n".join(("> " + l) if l else ">" for l in text.split("\n"))


case("A040", "skhcn_tra_loi_tren_trich_dan_gmail",
     "SKHCN answers above a Gmail-quoted reminder (Vietnamese header wrapped over two lines, '>' lines); "
     "NV03 and NV04 appear only in the quoted form",
     SKHCN, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 20/11/2026", d(20, 16, 10),
     """Dạ Sở KH&CN báo cáo:
NV01: đang thực hiện, đạt 78%.
NV02: đang thực hiện, đạt 60%, vướng mắc về tiêu chí xác định DN khởi nghiệp.

Vào Th 6, 20 thg 11, 2026 vào lúc 14:30 Kênh báo cáo điện tử <
baocao@binhdinh.gov.vn> đã viết:

""" + gt(REMINDER_SKHCN) + "\n",
     [R("SKHCN", "daily", "2026-11-20", {
         "NV01": T("in_progress", 78),
         "NV02": T("in_progress", 60, difficulties_contains="tiêu chí"),
     })], absent=["NV03", "NV04"], reply_to_reminder=True)

REMINDER_CAT = """Kính gửi Công an tỉnh,

Đến 14:30 ngày 20/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày 20/11/2026 của đơn vị (hạn 16:30).
Đơn vị trả lời thư này và sửa các dòng dưới đây:

Đơn vị: CAT
Loại báo cáo: Ngày
Kỳ báo cáo: 20/11/2026

Nhiệm vụ: NV05 - Làm sạch dữ liệu dân cư phục vụ Đề án 06
Tình trạng: Đang thực hiện
Tiến độ: 85%

Nhiệm vụ: NV06 - Cấp tài khoản định danh điện tử mức độ 2 cho người dân
Tình trạng: Đang thực hiện
Tiến độ: 60%

Nhiệm vụ: NV07 - Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình (phối hợp)
Tình trạng: Đang thực hiện
Tiến độ: 40%

Nhiệm vụ: NV10 - Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao (phối hợp)
Tình trạng: Chưa thực hiện
Tiến độ: 0%

--
Kênh báo cáo điện tử - Văn phòng UBND tỉnh"""

case("A041", "cat_tra_loi_outlook_khong_dau_lon",
     "CAT in Outlook (Vietnamese UI, CRLF): reply on top, quote under '____' with 'Từ: / Đã gửi: / Đến: / "
     "Chủ đề:' and NO '>' prefixes; NV06, NV07, NV10 only in the quoted form",
     CAT, "TL: [Kênh báo cáo] Nhắc báo cáo ngày 20/11/2026", d(20, 16, 5),
     """Kính gửi VP UBND tỉnh,
CA tỉnh báo cáo ngày 20/11/2026:
Nhiệm vụ NV05 – Làm sạch dữ liệu dân cư: đang thực hiện, đạt 87%.
Các nhiệm vụ khác đơn vị sẽ báo cáo sau.

Trân trọng!
Lê Minh Tuấn

________________________________
Từ: Kênh báo cáo điện tử <baocao@binhdinh.gov.vn>
Đã gửi: Thứ Sáu, 20 tháng 11, 2026 14:30
Đến: pc06.cat@binhdinh.gov.vn
Chủ đề: [Kênh báo cáo] Nhắc báo cáo ngày 20/11/2026

""" + REMINDER_CAT + "\n",
     [R("CAT", "daily", "2026-11-20", {
         "NV05": T("in_progress", 87),
     })], absent=["NV06", "NV07", "NV10"], crlf=True, reply_to_reminder=True,
     mailer="Microsoft Outlook 16.0")

REMINDER_XTP = """Kính gửi Ủy ban nhân dân xã Tuy Phước,

Đến 14:30 ngày 19/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày 19/11/2026 của đơn vị (hạn 16:30).

Đơn vị: XTP
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV12 - Triển khai chữ ký số cho cán bộ cấp xã
Tình trạng: Đang thực hiện
Tiến độ: 70%

Nhiệm vụ: NV13 - Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng
Tình trạng: Đang thực hiện
Tiến độ: 50%

Nhiệm vụ: NV06 - Cấp tài khoản định danh điện tử mức độ 2 cho người dân (phối hợp)
Tình trạng: Đang thực hiện
Tiến độ: 55%"""

case("A042", "xtp_hop_thu_chung_tra_loi_zimbra",
     "Shared commune mailbox, Zimbra web mail: 'Đơn vị: UBND xã Tuy Phước' on top, NV12 '20/25 cán bộ' "
     "(80); quote under '----- Thư gốc -----' with Từ/Tới/Đã gửi/Chủ đề; NV13, NV06 only in the quote",
     XA_CHUNG, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - UBND xã Tuy Phước", d(19, 16, 0),
     """Đơn vị: UBND xã Tuy Phước
NV12: đang thực hiện, đã cấp chữ ký số cho 20/25 cán bộ, công chức.

Thanh

----- Thư gốc -----
Từ: "Kênh báo cáo điện tử" <baocao@binhdinh.gov.vn>
Tới: vanphong.xa@binhdinh.gov.vn
Đã gửi: Thứ Năm, 19 Tháng Mười Một 2026 14:30:00
Chủ đề: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - UBND xã Tuy Phước

""" + REMINDER_XTP + "\n",
     [R("XTP", "daily", "2026-11-19", {
         "NV12": T("in_progress", 80),
     })], absent=["NV13", "NV06"], reply_to_reminder=True, cte="quoted-printable",
     mailer="Zimbra 8.8.15_GA_4177 (ZimbraWebClient - FF120 (Linux)/8.8.15_GA_4177)")

REMINDER_STC = """Kính gửi Sở Tài chính,

Đến 14:30 ngày 19/11/2026, Kênh báo cáo điện tử chưa nhận được báo cáo ngày 19/11/2026 của đơn vị (hạn 16:30).

Đơn vị: STC
Loại báo cáo: Ngày
Kỳ báo cáo: 19/11/2026

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026
Tình trạng: Đang thực hiện
Tiến độ: 75%

Nhiệm vụ: NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh (phối hợp)
Tình trạng: Đang thực hiện
Tiến độ: 60%

Nhiệm vụ: NV02 - Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo (phối hợp)
Tình trạng: Đang thực hiện
Tiến độ: 30%"""

case("A043", "stc_tra_loi_zimbra_mot_dong",
     "STC replies above a Zimbra one-line quote header ('----- Vào 19 Tháng Mười Một, 2026, lúc 2:30 CH, "
     "… đã viết:') with '>' lines; NV01, NV02 named in the reply as 'không có phát sinh' (no new values — "
     "the quoted 60%/30% must not be taken)",
     STC, "Re: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026", d(19, 16, 20),
     """Sở Tài chính báo cáo ngày 19/11/2026:
NV04 - đang thực hiện, 80%. Đang chờ Sở KH&CN gửi bổ sung thuyết minh dự toán.
NV01, NV02 (phối hợp): không có phát sinh.

----- Vào 19 Tháng Mười Một, 2026, lúc 2:30 CH, Kênh báo cáo điện tử <baocao@binhdinh.gov.vn> đã viết:
""" + gt(REMINDER_STC) + "\n",
     [R("STC", "daily", "2026-11-19", {
         "NV04": T("in_progress", 80),
         "NV01": T(None, None),
         "NV02": T(None, None),
     })], reply_to_reminder=True,
     mailer="Zimbra 8.8.15_GA_4177 (ZimbraWebClient - GC119 (Win)/8.8.15_GA_4177)")

# =============================================================================================
# H. who may write, what may be reported, not a report
# =============================================================================================

case("A044", "nguoi_gui_la_gmail_ca_nhan",
     "A Finance officer writes from his own Gmail, not in the units list → rejected unknown_sender",
     ("Nguyễn Văn Hùng", "hungnv.stc@gmail.com"), "Sở Tài chính báo cáo ngày 18/11/2026", d(18, 16, 0),
     """Kính gửi VP UBND tỉnh,
Sở Tài chính báo cáo: NV04 đang thực hiện, đạt 80%.
(Em là cán bộ Phòng Ngân sách, gửi thay chị Ngọc đi họp ạ.)
Hùng
""",
     [], outcome="rejected", codes=["unknown_sender"], absent=["NV04"])

case("A045", "nguoi_gui_van_thu_khong_trong_danh_sach",
     "SNV's records clerk mailbox (a real-looking .gov.vn address not in the list) sends a clean form → "
     "rejected unknown_sender",
     ("Văn thư Sở Nội vụ", "vanthu.snv@binhdinh.gov.vn"), "Báo cáo ngày 27/11/2026 - Sở Nội vụ",
     d(27, 15, 30),
     """Đơn vị: SNV
Loại báo cáo: Ngày
Kỳ báo cáo: 27/11/2026

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện
Tiến độ: 80%
""",
     [], outcome="rejected", codes=["unknown_sender"], absent=["NV08"])

case("A046", "syt_bao_nhiem_vu_khong_duoc_giao",
     "SYT also reports NV01, a task it neither leads nor coordinates ('đã hoàn thành' its comments) — "
     "NV01 must not be recorded; its own tasks are",
     SYT, "Sở Y tế báo cáo ngày 25/11/2026", d(25, 16, 0),
     """Sở Y tế báo cáo ngày 25/11/2026:
1. NV09: đang thực hiện, đạt 72%.
2. NV05 (phối hợp CA tỉnh): đang thực hiện.
3. NV01: Sở Y tế đã góp ý dự thảo Kế hoạch triển khai Nghị quyết 57 theo đề nghị của Sở KH&CN, đã hoàn thành.
""",
     [R("SYT", "daily", "2026-11-25", {
         "NV09": T("in_progress", 72),
         "NV05": T("in_progress", None),
     })], absent=["NV01"])

case("A047", "xtp_bao_nhiem_vu_cua_xa_phu_cat",
     "Tuy Phước (own mailbox) also reports NV14, Phù Cát's task — NV14 must not be recorded",
     XTP, "Báo cáo ngày 23/11/2026", d(23, 16, 0),
     """UBND xã Tuy Phước báo cáo:
- NV12: hoàn thành.
- NV13: đang thực hiện, đạt 70%.
- NV14: xã hỗ trợ xã Phù Cát cấp chữ ký số, đạt 50%.
""",
     [R("XTP", "daily", "2026-11-23", {
         "NV12": T("completed", 100),
         "NV13": T("in_progress", 70),
     })], absent=["NV14"])

case("A048", "stc_em_gui_lai_file_khong_dinh_kem",
     "STC 'Em gửi lại file ạ.' with nothing attached → rejected not_a_report",
     STC, "Re: Báo cáo ngày 26/11/2026", d(26, 16, 28),
     """Em gửi lại file ạ.

Ngọc - VP Sở Tài chính
""",
     [], outcome="rejected", codes=["not_a_report"])

case("A049", "dhqn_xin_gui_cham",
     "University asks permission to send the weekly report late — no report content → rejected not_a_report",
     DHQN, "V/v xin gửi chậm báo cáo tuần", d(27, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,

Đồng chí đầu mối của Trường đang đi công tác tại Hà Nội, Trường xin phép gửi báo cáo tuần chậm, dự kiến trong sáng thứ Hai 30/11.

Trân trọng.
Phòng KH&HTQT - Trường ĐH Quy Nhơn
""",
     [], outcome="rejected", codes=["not_a_report"])

# =============================================================================================
# I. shared commune mailbox
# =============================================================================================

case("A050", "hop_thu_chung_hai_xa_mot_thu",
     "Shared mailbox: one mail with a section for each commune (I. Tuy Phước, II. Phù Cát) → two reports",
     XA_CHUNG, "Báo cáo ngày 20/11/2026 - xã Tuy Phước, xã Phù Cát", d(20, 16, 10),
     """Kính gửi Văn phòng UBND tỉnh,
Em Thanh, đầu mối của 02 xã, gửi báo cáo ngày 20/11/2026 như sau:

I. UBND XÃ TUY PHƯỚC
1. NV12 – Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 85%.
2. NV13 – Phổ cập kỹ năng số cho người dân: đang thực hiện, đạt 55%.

II. UBND XÃ PHÙ CÁT
1. NV14 – Triển khai chữ ký số cho cán bộ cấp xã: hoàn thành.
2. NV15 – Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện, đạt 60%. Khó khăn: một số trường chưa có tài khoản ngân hàng.

Trân trọng./.
Lê Thị Thanh
""",
     [R("XTP", "daily", "2026-11-20", {
         "NV12": T("in_progress", 85),
         "NV13": T("in_progress", 55),
     }),
      R("XPC", "daily", "2026-11-20", {
          "NV14": T("completed", 100),
          "NV15": T("in_progress", 60, difficulties_contains="tài khoản ngân hàng"),
      })])

case("A051", "hop_thu_chung_phu_cat_ten_nhiem_vu",
     "Shared mailbox naming 'UBND xã Phù Cát', tasks by title only (the signature title is shared with "
     "Tuy Phước's NV12 — within Phù Cát it is NV14); the market/school title paraphrased",
     XA_CHUNG, "Báo cáo ngày 17/11/2026", d(17, 16, 0),
     """Đơn vị: UBND xã Phù Cát
Kỳ báo cáo: 17/11/2026

- Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 80% (20/25 cán bộ đã có chữ ký số).
- Thanh toán không dùng tiền mặt ở chợ, trường học: đang triển khai, đạt 30%.

Người báo cáo: Lê Thị Thanh
""",
     [R("XPC", "daily", "2026-11-17", {
         "NV14": T("in_progress", 80),
         "NV15": T("in_progress", 30),
     })], absent=["NV12"])

# =============================================================================================
# J. titles paraphrased, no diacritics
# =============================================================================================

case("A052", "skhcn_ten_dien_giai_khong_ma",
     "SKHCN names its three tasks by shortened titles only ('Kế hoạch triển khai Nghị quyết 57 của tỉnh', "
     "'Sàn giao dịch công nghệ'); 57 is not the progress",
     SKHCN, "Báo cáo ngày 11/11/2026", d(11, 16, 0),
     """Sở KH&CN báo cáo tiến độ ngày 11/11/2026:
- Kế hoạch triển khai Nghị quyết 57 của tỉnh: đang thực hiện, dự thảo lần 2 đã gửi lấy ý kiến, đạt 50%.
- Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp sáng tạo: đang thực hiện, đạt 30%.
- Sàn giao dịch công nghệ: chưa triển khai.
Trân trọng.
""",
     [R("SKHCN", "daily", "2026-11-11", {
         "NV01": T("in_progress", 50, result_contains="dự thảo lần 2"),
         "NV02": T("in_progress", 30),
         "NV03": T("not_started", None),
     })])

case("A053", "cat_khong_dau_ten_nhiem_vu",
     "CAT phone message without diacritics, tasks by paraphrased title ('Cap tai khoan dinh danh muc 2' — "
     "the 2 is not progress)",
     CAT2, "bc ngay 12/11 CA tinh", d(12, 16, 25),
     """Lam sach du lieu dan cu: dang thuc hien, dat 80%
Cap tai khoan dinh danh muc 2: dang trien khai dat 58%
Tuan PC06
""",
     [R("CAT", "daily", "2026-11-12", {
         "NV05": T("in_progress", 80),
         "NV06": T("in_progress", 58),
     })])

case("A054", "xpc_khong_dau_chua_hoan_thanh",
     "Phù Cát without diacritics: 'NV14 da hoan thanh' (completed) but 'NV15 chua hoan thanh, moi dat 50%' "
     "(not completed — status uncertain, progress 50); base64",
     XPC, "bc ngay 26/11", d(26, 16, 15),
     "NV14 da hoan thanh. NV15 chua hoan thanh, moi dat 50%\nThanh\n",
     [R("XPC", "daily", "2026-11-26", {
         "NV14": T("completed", 100),
         "NV15": T(U, 50),
     })], cte="base64")

# =============================================================================================
# K. several kinds, form variants, encodings
# =============================================================================================

case("A055", "skhcn_cuoi_thang_ngay_va_thang",
     "SKHCN on the last day of the month (Mon 30/11): one mail holding the daily report of 30/11 and the "
     "monthly report of 11/2026 → two reports",
     SKHCN, "Báo cáo ngày 30/11 và báo cáo tháng 11/2026 - Sở KH&CN", d(30, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,
Sở KH&CN gửi báo cáo ngày 30/11/2026 và báo cáo tháng 11/2026 như sau:

I. BÁO CÁO NGÀY 30/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 90%

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 60%

II. BÁO CÁO THÁNG 11/2026

Tình hình chung: Trong tháng, Sở tập trung hoàn thiện dự thảo Kế hoạch triển khai NQ57 và rà soát cơ chế hỗ trợ khởi nghiệp.

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 90%
Kết quả: Đã trình UBND tỉnh dự thảo Kế hoạch ngày 27/11/2026.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 60%

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
Khó khăn, vướng mắc: Chưa được bố trí kinh phí năm 2026.

Trân trọng./.
""",
     [R("SKHCN", "daily", "2026-11-30", {
         "NV01": T("in_progress", 90),
         "NV02": T("in_progress", 60),
     }),
      R("SKHCN", "monthly", "2026-11", {
          "NV01": T("in_progress", 90, result_contains="27/11/2026"),
          "NV02": T("in_progress", 60),
          "NV03": T("not_started", None, difficulties_contains="bố trí kinh phí"),
      })])

case("A056", "sxd_in_hoa_tuan_crlf",
     "SXD weekly form typed in CAPITALS (Caps Lock on), 'KỲ BÁO CÁO: TUẦN 48/2026', Windows line endings",
     SXD, "BÁO CÁO TUẦN 48 - SỞ XÂY DỰNG", d(27, 15, 30),
     """ĐƠN VỊ: SỞ XÂY DỰNG
LOẠI BÁO CÁO: TUẦN
KỲ BÁO CÁO: TUẦN 48/2026

NHIỆM VỤ: NV10
TÌNH TRẠNG: ĐANG THỰC HIỆN
TIẾN ĐỘ: 70%
KẾT QUẢ: ĐÃ LẮP ĐẶT 14/20 NÚT GIAO, KẾT NỐI 12 NÚT VỀ TRUNG TÂM.
KHÓ KHĂN, VƯỚNG MẮC: CHƯA DI DỜI XONG CỘT ĐIỆN TẠI NÚT GIAO ĐỐNG ĐA - HÙNG VƯƠNG.
ĐỀ XUẤT, KIẾN NGHỊ: ĐỀ NGHỊ ĐIỆN LỰC BÌNH ĐỊNH PHỐI HỢP.
""",
     [R("SXD", "weekly", "2026-W48", {
         "NV10": T("in_progress", 70, result_contains="14/20",
                   difficulties_contains="CỘT ĐIỆN", proposals_contains="ĐIỆN LỰC"),
     })], crlf=True, mailer="Microsoft Outlook 16.0")

case("A057", "syt_unicode_to_hop_nfd",
     "SYT typed with Unikey 'tổ hợp' (decomposed NFD Vietnamese) in a labelled form",
     SYT, "Sở Y tế báo cáo ngày 11/11/2026", d(11, 15, 30),
     """Sở Y tế báo cáo ngày 11/11/2026

Nhiệm vụ: NV09
Tình trạng: Đang triển khai
Tiến độ: 45%
Kết quả: BV ĐK tỉnh đã vận hành bệnh án điện tử.
Khó khăn, vướng mắc: Thiếu nhân lực CNTT.
""",
     [R("SYT", "daily", "2026-11-11", {
         "NV09": T("in_progress", 45, result_contains="BV ĐK", difficulties_contains="CNTT"),
     })], nfd=True)

case("A058", "vpub_cham_tron_tab",
     "VPUB with '•' bullets before every label and a tab before the colon; '35 %'; '620/1.780 TTHC' in "
     "the result; NV01 progress '(không ghi)'",
     VPUB, "VP UBND tỉnh báo cáo tiến độ ngày 12/11/2026", d(12, 16, 5),
     "VP UBND tỉnh báo cáo tiến độ ngày 12/11/2026\n\n"
     "• Nhiệm vụ\t: NV07\n• Tình trạng\t: Đang thực hiện\n• Tiến độ\t: 35 %\n"
     "• Kết quả\t: Đã rà soát 620/1.780 TTHC.\n\n"
     "• Nhiệm vụ\t: NV01 (phối hợp)\n• Tình trạng\t: Đang thực hiện\n• Tiến độ\t: (không ghi)\n",
     [R("VPUB", "daily", "2026-11-12", {
         "NV07": T("in_progress", 35, result_contains="620/1.780"),
         "NV01": T("in_progress", None),
     })])

STC_HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {margin:0cm; font-size:13.0pt; font-family:"Times New Roman",serif;} --></style>
</head><body lang="VI" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal">Kính gửi Văn phòng UBND tỉnh,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Sở Tài chính báo cáo tiến độ ngày 13/11/2026:<o:p></o:p></p>
<p class="MsoNormal"><b>Nhiệm vụ NV04</b> – Bố trí kinh phí sự nghiệp KH&amp;CN và chuyển đổi số năm 2026: đang thực hiện, đạt 55%.<o:p></o:p></p>
<p class="MsoNormal">Khó khăn: Một số đơn vị chưa gửi dự toán chi tiết.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Trân trọng./.<o:p></o:p></p>
<p class="MsoNormal">Trần Thị Bích Ngọc<o:p></o:p></p>
</div></body></html>
"""

case("A059", "stc_outlook_html_va_van_ban",
     "STC from Outlook: multipart/alternative with a plain part and a Word-style HTML part (MsoNormal, "
     "&nbsp;) carrying the same paragraph report",
     STC, "Báo cáo ngày 13/11/2026", d(13, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,

Sở Tài chính báo cáo tiến độ ngày 13/11/2026:
Nhiệm vụ NV04 – Bố trí kinh phí sự nghiệp KH&CN và chuyển đổi số năm 2026: đang thực hiện, đạt 55%.
Khó khăn: Một số đơn vị chưa gửi dự toán chi tiết.

Trân trọng./.
Trần Thị Bích Ngọc
""",
     [R("STC", "daily", "2026-11-13", {
         "NV04": T("in_progress", 55, difficulties_contains="dự toán chi tiết"),
     })], html=STC_HTML, crlf=True, mailer="Microsoft Outlook 16.0", cte="quoted-printable")

case("A060", "cat_doan_van_base64",
     "CAT paragraphs 'Về nhiệm vụ NV05: …', 'Đối với NV07 (phối hợp), …' in a base64 body",
     CAT, "Báo cáo ngày 09/11/2026 - Công an tỉnh", d(9, 16, 0),
     """Kính gửi Văn phòng UBND tỉnh,

Về nhiệm vụ NV05: Công an tỉnh đang thực hiện, đạt 75%; đã chỉ đạo Công an các xã rà soát thông tin công dân sai lệch.

Về nhiệm vụ NV06: đang triển khai, đạt 50%.

Đối với NV07 (phối hợp), Công an tỉnh đã gửi danh mục TTHC lĩnh vực cư trú, xuất nhập cảnh cho Văn phòng UBND tỉnh; đang thực hiện.

Trân trọng./.
""",
     [R("CAT", "daily", "2026-11-09", {
         "NV05": T("in_progress", 75, result_contains="sai lệch"),
         "NV06": T("in_progress", 50),
         "NV07": T("in_progress", None),
     })], cte="base64")

case("A061", "skhcn_chu_tri_va_phoi_hop",
     "SKHCN splits lead tasks and coordinated tasks (a) / b)) — coordinated NV04, NV09, NV11 are all "
     "assigned to it and are recorded",
     SKHCN, "Báo cáo ngày 10/11/2026", d(10, 16, 0),
     """Sở KH&CN báo cáo ngày 10/11/2026:
a) Nhiệm vụ chủ trì:
- NV01: đang thực hiện, 40%.
b) Nhiệm vụ phối hợp:
- NV04 (Sở Tài chính chủ trì): đang thực hiện (phối hợp thẩm định dự toán), tiến độ 50%.
- NV09 (Sở Y tế chủ trì): đã cử cán bộ hỗ trợ kỹ thuật, đang thực hiện.
- NV11 (ĐH Quy Nhơn chủ trì): chưa thực hiện.
""",
     [R("SKHCN", "daily", "2026-11-10", {
         "NV01": T("in_progress", 40),
         "NV04": T("in_progress", 50),
         "NV09": T("in_progress", None),
         "NV11": T("not_started", None),
     })])

case("A062", "xtp_tren_50_phan_tram",
     "Tuy Phước: 'tiến độ trên 50%' is a lower bound, not a value (progress uncertain)",
     XTP, "Báo cáo ngày 11/11/2026", d(11, 16, 10),
     """NV13: đang thực hiện, tiến độ trên 50%.
NV12: đang thực hiện, đạt 76%.
""",
     [R("XTP", "daily", "2026-11-11", {
         "NV13": T("in_progress", U),
         "NV12": T("in_progress", 76),
     })])

case("A063", "xtp_chi_co_tien_do",
     "Tuy Phước gives only percentages, no status word at all (status not given)",
     XTP, "UBND xã Tuy Phước báo cáo ngày 10/11", d(10, 16, 20),
     "UBND xã Tuy Phước báo cáo ngày 10/11: NV12 đạt 64%; NV13 đạt 35%.\n",
     [R("XTP", "daily", "2026-11-10", {
         "NV12": T(None, 64),
         "NV13": T(None, 35),
     })])

case("A064", "sxd_tam_dung",
     "SXD: 'Tình trạng: Tạm dừng (chờ … phê duyệt điều chỉnh dự án)' with 45% and a note",
     SXD, "Báo cáo ngày 05/11/2026", d(5, 15, 30),
     """Nhiệm vụ: NV10
Tình trạng: Tạm dừng (chờ UBND tỉnh phê duyệt điều chỉnh dự án)
Tiến độ: 45%
Ghi chú: Tạm ngưng thi công lắp camera tại 06 nút giao trên đường Hoàng Văn Thụ.
""",
     [R("SXD", "daily", "2026-11-05", {
         "NV10": T("paused", 45, notes_contains="Hoàng Văn Thụ"),
     })])

case("A065", "snv_tuan_45_chua_bat_dau",
     "SNV weekly 'tuần 45/2026 (từ 02/11 đến 06/11/2026)'; 'đang tiến hành', 'chưa bắt đầu'",
     SNV, "Báo cáo tuần 45", d(6, 15, 0),
     """Sở Nội vụ báo cáo tuần 45/2026 (từ 02/11 đến 06/11/2026):
1. NV08: đang tiến hành nhập liệu, đạt 50%.
2. NV12 (phối hợp xã Tuy Phước): chưa bắt đầu.
3. NV14 (phối hợp xã Phù Cát): chưa bắt đầu, chờ Bưu điện tỉnh bàn giao thiết bị ký số.
""",
     [R("SNV", "weekly", "2026-W45", {
         "NV08": T("in_progress", 50),
         "NV12": T("not_started", None),
         "NV14": T("not_started", None),
     })])

case("A066", "dhqn_bao_cao_thang_kieu_cong_van",
     "University monthly report pasted from Word with the official header ('Số: 245/BC-ĐHQN'), sections "
     "1-4; NV11 'đã hoàn thành hồ sơ Đề án, ước đạt 80%' is in progress",
     DHQN, "BÁO CÁO THÁNG 11/2026", d(30, 15, 0),
     """TRƯỜNG ĐẠI HỌC QUY NHƠN
PHÒNG KHOA HỌC VÀ HỢP TÁC QUỐC TẾ
Số: 245/BC-ĐHQN

BÁO CÁO
Kết quả thực hiện nhiệm vụ tháng 11 năm 2026

1. Tình hình chung: Trường tập trung hoàn thiện Đề án thành lập Trung tâm ĐMST.
2. Kết quả thực hiện nhiệm vụ:
- NV11 – Thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn: đang thực hiện; đã hoàn thành hồ sơ Đề án, ước đạt 80%.
3. Khó khăn, vướng mắc: chưa có cơ chế tài chính cho Trung tâm.
4. Kiến nghị: UBND tỉnh sớm thẩm định Đề án.
""",
     [R("DHQN", "monthly", "2026-11", {
         "NV11": T("in_progress", 80),
     })])

case("A067", "stc_qp_crlf_nhan_khac",
     "STC with label variants 'Tỷ lệ hoàn thành', 'Kiến nghị, đề xuất', 'Kết quả đạt được'; quoted-printable "
     "and CRLF",
     STC, "Báo cáo ngày 03/11/2026", d(3, 16, 0),
     """Đơn vị: Sở Tài chính
Loại báo cáo: Ngày
Kỳ báo cáo: 03/11/2026

Nhiệm vụ: NV04
Trạng thái: Đang thực hiện
Tỷ lệ hoàn thành: 30%
Kết quả đạt được: Đã có văn bản đề nghị các đơn vị lập dự toán.
Kiến nghị, đề xuất: Đề nghị Sở KH&CN sớm tổng hợp nhu cầu kinh phí.
""",
     [R("STC", "daily", "2026-11-03", {
         "NV04": T("in_progress", 30, result_contains="lập dự toán",
                   proposals_contains="nhu cầu kinh phí"),
     })], cte="quoted-printable", crlf=True, mailer="Microsoft Outlook 16.0")

case("A068", "cat_gui_muon_sau_17h",
     "CAT sends at 17:10 'Báo cáo ngày 04/11/2026 (gửi muộn)' — period 04/11 (late)",
     CAT, "Báo cáo ngày 04/11/2026 (gửi muộn)", d(4, 17, 10),
     """Kính gửi VP UBND tỉnh, đơn vị xin lỗi vì gửi muộn.
- NV05: đang thực hiện, đạt 70%.
- NV06: đang thực hiện, đạt 45%.
""",
     [R("CAT", "daily", "2026-11-04", {
         "NV05": T("in_progress", 70),
         "NV06": T("in_progress", 45),
     })])

case("A069", "vpub_dang_xu_ly",
     "VPUB: 'đang xử lý' as the status word; '300 TTHC' is not progress",
     VPUB, "Báo cáo ngày 02/11/2026", d(2, 16, 0),
     "NV07: đang xử lý, đã rà soát 300 TTHC, đạt 20%.\n",
     [R("VPUB", "daily", "2026-11-02", {
         "NV07": T("in_progress", 20),
     })])

case("A070", "xpc_tam_ngung",
     "Phù Cát: 'NV15: tạm ngưng do chợ … sửa chữa, tiến độ giữ nguyên 20%' (paused)",
     XPC, "Báo cáo ngày 05/11/2026", d(5, 16, 0),
     """NV15: tạm ngưng do chợ Trung tâm đang sửa chữa, tiến độ giữ nguyên 20%.
NV14: đang thực hiện 40%.
""",
     [R("XPC", "daily", "2026-11-05", {
         "NV15": T("paused", 20),
         "NV14": T("in_progress", 40),
     })])

case("A071", "skhcn_chuyen_tiep_bao_cao_phong",
     "SKHCN focal point forwards (Gmail, Vietnamese UI) the NV02 report a department wrote to him, adding "
     "one line on top — the forwarded content is the report",
     SKHCN, "Fwd: BC NV02 ngày 09/11", d(9, 16, 15),
     """Em chuyển báo cáo ngày 09/11/2026 của Phòng Quản lý khoa học (phụ trách NV02) ạ.

---------- Thư đã chuyển tiếp ---------
Từ: Phòng QLKH <qlkh.skhcn@binhdinh.gov.vn>
Date: Th 2, 9 thg 11, 2026 vào lúc 15:40
Subject: BC NV02
To: Nguyễn Văn An <skhcn@binhdinh.gov.vn>


Anh An ơi, phòng em báo cáo NV02: đang thực hiện, đạt 35%. Đã họp tổ soạn thảo lần 1.
""",
     [R("SKHCN", "daily", "2026-11-09", {
         "NV02": T("in_progress", 35, result_contains="tổ soạn thảo"),
     })])

case("A072", "snv_ky_bang_chu_gui_thu_hai",
     "SNV on Monday morning sends Friday's report with 'Kỳ báo cáo: ngày 20 tháng 11 năm 2026' (late)",
     SNV, "Báo cáo bổ sung", d(23, 8, 30),
     """Loại báo cáo: Ngày
Kỳ báo cáo: ngày 20 tháng 11 năm 2026

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện
Tiến độ: 74%
""",
     [R("SNV", "daily", "2026-11-20", {
         "NV08": T("in_progress", 74),
     })])

case("A073", "xtp_tuan_chi_o_tieu_de",
     "Tuy Phước: 'Báo cáo tuần 47' only in the subject, body two terse lines",
     XTP, "Báo cáo tuần 47 - xã Tuy Phước", d(20, 15, 40),
     "NV12: đang thực hiện, 85%.\nNV13: đang thực hiện, 56%.\n",
     [R("XTP", "weekly", "2026-W47", {
         "NV12": T("in_progress", 85),
         "NV13": T("in_progress", 56),
     })])

case("A074", "cat_phoi_hop_nv10_16_20_camera",
     "CAT reports its coordinated NV10: 'đã kết nối 16/20 camera … đang tiếp tục thực hiện' (80)",
     CAT, "CA tỉnh báo cáo ngày 26/11/2026", d(26, 15, 50),
     """Kính gửi VP UBND tỉnh,
1. NV05: đang thực hiện, đạt 90%.
2. Phối hợp Sở Xây dựng (NV10): đã kết nối 16/20 camera về Trung tâm chỉ huy Công an tỉnh, đang tiếp tục thực hiện.
Trân trọng.
""",
     [R("CAT", "daily", "2026-11-26", {
         "NV05": T("in_progress", 90),
         "NV10": T("in_progress", 80),
     })])

case("A075", "skhcn_du_kien_hoan_thanh",
     "SKHCN: 'Đang thực hiện, dự kiến hoàn thành trong tháng 12/2026' — the planned completion is not "
     "a completed status; 65%",
     SKHCN, "Báo cáo ngày 25/11/2026", d(25, 16, 0),
     """Nhiệm vụ: NV01 - Kế hoạch triển khai NQ 57
Tình trạng: Đang thực hiện, dự kiến hoàn thành trong tháng 12/2026
Tiến độ: 65%

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
""",
     [R("SKHCN", "daily", "2026-11-25", {
         "NV01": T("in_progress", 65),
         "NV03": T("not_started", None),
     })])

case("A076", "xtp_da_hoan_thanh_nhung_90",
     "Tuy Phước paragraph: 'NV13: đã hoàn thành, đạt 90% (11/12 thôn)' — completed contradicts 90 (both "
     "uncertain); NV12 clear",
     XTP, "Báo cáo ngày 30/11/2026", d(30, 16, 0),
     """Kính gửi VP UBND tỉnh,
NV12: đã hoàn thành, 100% cán bộ có chữ ký số.
NV13: đã hoàn thành, đạt 90% (11/12 thôn có tổ công nghệ số cộng đồng).
Trân trọng.
""",
     [R("XTP", "daily", "2026-11-30", {
         "NV12": T("completed", 100),
         "NV13": T(U, U),
     })])


# =============================================================================================
def message_id(c):
    h = hashlib.sha1(f"{c['cid']}-{c['slug']}".encode()).hexdigest()[:16].upper()
    addr = c["sender"][1]
    if addr.endswith("@gmail.com"):
        return f"<CAF{h}{c['cid']}@mail.gmail.com>"
    domain = addr.split("@", 1)[1]
    return f"<{c['cid'].lower()}.{h}@{domain}>"


def build(c) -> bytes:
    pol = email.policy.SMTP if c["crlf"] else email.policy.default
    name, addr = c["sender"]
    body = c["body"]
    if c["nfd"]:
        body = unicodedata.normalize("NFD", body)
    m = EmailMessage(policy=pol)
    rx = c["received"]
    sent = rx - timedelta(seconds=c["delay_s"])
    m["Received"] = (f"from mail.binhdinh.gov.vn (mail.binhdinh.gov.vn [10.10.1.25]) by "
                     f"mx.binhdinh.gov.vn with ESMTPS id {c['cid']}; {format_datetime(rx)}")
    m["From"] = Address(name, addr_spec=addr)
    m["To"] = Address(US_NAME, addr_spec=US) if c["reply_to_reminder"] else US
    m["Subject"] = c["subject"]
    m["Date"] = format_datetime(sent)
    m["Message-ID"] = message_id(c)
    if c["reply_to_reminder"]:
        ref = f"<reminder.{c['cid'].lower()}.{rx:%Y%m%d}1430@baocao.binhdinh.gov.vn>"
        m["In-Reply-To"] = ref
        m["References"] = ref
    if c["mailer"]:
        m["X-Mailer"] = c["mailer"]
    for k, v in c["headers"]:
        m[k] = v
    if c["html"] is None:
        m.set_content(body, charset="utf-8", cte=c["cte"])
    else:
        m.set_content(body, charset="utf-8", cte=c["cte"])
        m.add_alternative(c["html"], subtype="html", charset="utf-8", cte=c["cte"])
        m.set_boundary(f"_000_{c['cid']}_BINHDINH_")
    if "MIME-Version" not in m:
        m["MIME-Version"] = "1.0"
    return m.as_bytes(policy=pol)


def expected(c):
    e = {"description": c["description"], "received_at": c["received"].isoformat(),
         "outcome": c["outcome"]}
    if c["outcome"] != "accepted":
        e["codes"] = c["codes"]
    e["reports"] = c["reports"]
    e["absent_tasks"] = c["absent"]
    return e


def main():
    OUT.mkdir(exist_ok=True)
    ids = [c["cid"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case id"
    mids = [message_id(c) for c in CASES]
    assert len(mids) == len(set(mids)), "duplicate Message-ID"
    for old in OUT.glob("A[0-9][0-9][0-9]_*"):
        old.unlink()
    for c in CASES:
        assert c["received"].weekday() < 5, c["cid"]
        stem = f"{c['cid']}_{c['slug']}"
        (OUT / f"{stem}.eml").write_bytes(build(c))
        (OUT / f"{stem}.expected.json").write_text(
            json.dumps(expected(c), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
