#!/usr/bin/env python3
"""Series D of the free-writing corpus (tests/freewrite/README.md, SPEC §5.1).

Report mail as focal points of Bình Định's units really write it, with the numbers, dates, task
codes and status words that sit next to the progress in real mail: decision numbers, budgets,
headcounts, times, periods quoted for comparison, forwarded and quoted earlier reports, footers
naming other units.  About a third are ordinary well-formed reports.

Run from anywhere:  python3 tests/freewrite/make_cases_d.py
It rewrites every cases/D*.eml and cases/D*.expected.json (and only those).
Standard library only.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import default as POLICY
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "cases"
TZ = timezone(timedelta(hours=7))
OURS = "baocao@binhdinh.gov.vn"
OURS_NAME = "Kênh báo cáo điện tử"

CASES: list[dict] = []


def case(name: str, **kw) -> None:
    CASES.append(dict(name=name, **kw))


def T(status, progress, **contains):
    """One expected task: status / progress as meant (None = not given), *_contains substrings."""
    d = {"status": status, "progress": progress}
    for k, v in contains.items():
        d[f"{k}_contains"] = v
    return d


def R(unit, kind, period, tasks, uncertain=()):
    return {
        "unit": unit,
        "kind": kind,
        "period": period,
        "tasks": tasks,
        "uncertain": [{"task": t, "field": f} for t, f in uncertain],
    }


# --------------------------------------------------------------------------------------------
# senders
SKHCN = ("Sở Khoa học và Công nghệ", "skhcn@binhdinh.gov.vn")
SKHCN_GMAIL = ("Nguyễn Văn An", "nguyenvanan.skhcn@gmail.com")
STC = ("Sở Tài chính", "stc@binhdinh.gov.vn")
CAT_PC06 = ("PC06 Công an tỉnh", "pc06.cat@binhdinh.gov.vn")
CAT_DE06 = ("Đầu mối ĐA06 - Công an tỉnh Bình Định", "daumoi.de06@congan.binhdinh.gov.vn")
VPUB = ("Văn phòng UBND tỉnh", "vpub@binhdinh.gov.vn")
SNV = ("Sở Nội vụ", "snv@binhdinh.gov.vn")
SYT = ("Sở Y tế Bình Định", "syt@binhdinh.gov.vn")
SXD = ("Sở Xây dựng", "sxd@binhdinh.gov.vn")
VPXA = ("Văn phòng HĐND-UBND xã", "vanphong.xa@binhdinh.gov.vn")
XTP = ("UBND xã Tuy Phước", "tuyphuoc@binhdinh.gov.vn")
XPC = ("UBND xã Phù Cát", "phucat@binhdinh.gov.vn")
DHQN = ("Phòng KHCN&HTQT - Trường ĐH Quy Nhơn", "khcn@qnu.edu.vn")

# --------------------------------------------------------------------------------------------
# the reminder form our gateway sends (quoted in replies)


def reminder(unit_name, code, day, tasks):
    lines = [
        f"{unit_name} chưa gửi báo cáo ngày {day} (hạn 16:30).",
        "Trả lời thư này, sửa các dòng dưới đây theo tình hình thực tế rồi gửi đi.",
        "",
        f"Đơn vị: {code}",
        "Loại báo cáo: Ngày",
        f"Kỳ báo cáo: {day}",
        "",
    ]
    for t in tasks:
        lines += t + [""]
    lines += ["--", "Kênh báo cáo điện tử - Văn phòng UBND tỉnh Bình Định", "Thư này được gửi tự động."]
    return "\n".join(lines)


# ============================================================================================
# D001 — ordinary canonical daily form
case(
    "D001_skhcn_ngay_mau_chuan",
    sender=SKHCN, client="zimbra", received="2026-11-03 15:20",
    subject="Báo cáo ngày 03/11/2026 - Sở KH&CN",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Khoa học và Công nghệ báo cáo tiến độ thực hiện nhiệm vụ trong ngày như sau:

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 03/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Đã tổng hợp ý kiến góp ý của 18/22 sở, ngành; đang hoàn thiện dự thảo lần 3.
Khó khăn, vướng mắc: Còn 4 đơn vị chưa gửi ý kiến góp ý.
Đề xuất, kiến nghị: Đề nghị Văn phòng UBND tỉnh đôn đốc các đơn vị chưa gửi ý kiến.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 35%
Kết quả: Đã xây dựng đề cương rà soát, đang thu thập thông tin từ các doanh nghiệp khởi nghiệp.
Khó khăn, vướng mắc: Không

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
Tiến độ: 0%
Ghi chú: Chờ bố trí kinh phí năm 2027.

Trân trọng./.
--
Nguyễn Văn An
Phòng Quản lý khoa học - Sở Khoa học và Công nghệ tỉnh Bình Định
ĐT: 0256 3822 418
""",
    expected=dict(
        description="SKHCN focal point, canonical daily form from Zimbra; a 18/22 count inside the result",
        reports=[R("SKHCN", "daily", "2026-11-03", {
            "NV01": T("in_progress", 60, result="dự thảo lần 3", difficulties="chưa gửi ý kiến"),
            "NV02": T("in_progress", 35),
            "NV03": T("not_started", 0, notes="kinh phí năm 2027"),
        })],
    ),
)

# D002 — decision number, date and budget around the progress; a coordinated task with no status
case(
    "D002_stc_quyet_dinh_va_ty_dong",
    sender=STC, client="outlook", received="2026-11-16 15:45",
    subject="Sở Tài chính báo cáo tiến độ ngày 16/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Tài chính báo cáo tình hình thực hiện nhiệm vụ ngày 16/11/2026 như sau:

1. Về nhiệm vụ NV04 (Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026):
Trên cơ sở đề xuất của các sở, ngành, Sở Tài chính đã tham mưu UBND tỉnh ban hành Quyết định số 2150/QĐ-UBND ngày 12/11/2026 phân bổ kinh phí đợt 1 với tổng số 1,5 tỷ đồng cho 7 đơn vị. Hiện Sở đang tổng hợp nhu cầu đợt 2 (dự kiến khoảng 2,3 tỷ đồng) để trình UBND tỉnh trước ngày 30/11/2026.
Tình trạng: đang thực hiện; tiến độ ước đạt 70%.
Khó khăn: một số đơn vị gửi dự toán chậm, thuyết minh chưa đầy đủ.

2. Về việc phối hợp thực hiện NV01 (Kế hoạch triển khai Nghị quyết 57-NQ/TW) do Sở KH&CN chủ trì:
Sở Tài chính đã có Văn bản số 3412/STC-HCSN ngày 13/11/2026 góp ý dự thảo Kế hoạch, trong đó đề nghị làm rõ nguồn kinh phí thực hiện giai đoạn 2026-2030.

Trân trọng./.

Trần Thị Bích Ngọc
Chuyên viên Phòng Hành chính sự nghiệp - Sở Tài chính
""",
    expected=dict(
        description="STC paragraph report: decision 2150/QĐ-UBND, 1,5 tỷ, dates next to 'ước đạt 70%'; NV01 (coordinated) reported with a result only",
        reports=[R("STC", "daily", "2026-11-16", {
            "NV04": T("in_progress", 70, difficulties="dự toán chậm"),
            "NV01": T(None, None, result="3412/STC-HCSN"),
        })],
    ),
)

# D003 — last week's figure quoted beside this week's; a percentage of something else
case(
    "D003_cat_tuan_truoc_tuan_nay",
    sender=CAT_DE06, client="zimbra", received="2026-11-20 16:05",
    subject="V/v báo cáo tuần 47/2026 – Công an tỉnh (ĐA06)",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh.

Công an tỉnh báo cáo kết quả thực hiện nhiệm vụ Đề án 06 trong tuần (từ 16/11 đến 20/11/2026) như sau:

1. NV05 – Làm sạch dữ liệu dân cư phục vụ Đề án 06
- Trong tuần, đã rà soát, điều chỉnh 18.420 trường thông tin sai lệch; tiếp nhận 2.315 phiếu đề nghị cập nhật từ Công an cấp xã.
- Tiến độ: tuần trước đạt 50%, tuần này đạt 65%.
- Tình trạng: Đang thực hiện.
- Khó khăn: dữ liệu hộ tịch giấy trước năm 2000 tại một số xã bị hư hỏng, khó đối chiếu.

2. NV06 – Cấp tài khoản định danh điện tử mức độ 2
- Trong tuần cấp mới 12.450 tài khoản; lũy kế 512.300 tài khoản mức độ 2.
- Tiến độ: đạt 82% kế hoạch (tỷ lệ công dân có tài khoản mức độ 2 hiện là 65,7%, chỉ tiêu 80%).
- Tình trạng: Đang thực hiện.
- Đề xuất: đề nghị UBND các xã tiếp tục bố trí điểm hỗ trợ kích hoạt vào thứ Bảy, Chủ nhật.

Trân trọng./.

Thiếu tá Lê Minh Tuấn
Phòng PC06 - Công an tỉnh Bình Định
""",
    expected=dict(
        description="Police weekly: 'tuần trước đạt 50%, tuần này đạt 65%'; NV06 progress 82% of plan beside the 65,7%/80% coverage figures",
        reports=[R("CAT", "weekly", "2026-W47", {
            "NV05": T("in_progress", 65),
            "NV06": T("in_progress", 82, proposals="thứ Bảy"),
        })],
    ),
)

# D004 — several percentages, only one is the task's progress
case(
    "D004_syt_nhieu_ty_le",
    sender=SYT, client="zimbra", received="2026-11-19 16:12",
    subject="BC ngày 19/11/2026 - Sở Y tế",
    text="""Kính gửi Tổ công tác,

Sở Y tế báo cáo tiến độ nhiệm vụ NV09 (Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh) ngày 19/11/2026:

- Đến nay có 6/9 bệnh viện tuyến tỉnh đã triển khai bệnh án điện tử, trong đó Bệnh viện Đa khoa tỉnh đã chính thức dừng bệnh án giấy từ ngày 01/11/2026.
- Tỷ lệ hồ sơ bệnh án được ký số tại các bệnh viện đã triển khai đạt 85%.
- 3 bệnh viện còn lại (BV Tâm thần, BV Y học cổ truyền và Phục hồi chức năng, BV Lao và Bệnh phổi) đang chạy thử phần mềm, mới đáp ứng 60% tiêu chí theo Thông tư 46/2018/TT-BYT.
- Tình trạng: đang triển khai. Tiến độ chung của nhiệm vụ ước đạt 70%.

Khó khăn: thiếu máy chủ lưu trữ, thiết bị ký số cho điều dưỡng.
Kiến nghị: đề nghị Sở Tài chính bổ sung kinh phí mua sắm thiết bị (khoảng 3,2 tỷ đồng).

Huỳnh Thị Mai
Phòng Nghiệp vụ Y - Sở Y tế
""",
    expected=dict(
        description="SYT bullet report: 6/9 hospitals, 85% signed records, 60% criteria, then 'tiến độ chung ... ước đạt 70%'",
        reports=[R("SYT", "daily", "2026-11-19", {
            "NV09": T("in_progress", 70, difficulties="máy chủ", proposals="kinh phí"),
        })],
    ),
)

# D005 — a rate of online applications next to the review progress
case(
    "D005_vpub_tuan_ty_le_ho_so_truc_tuyen",
    sender=VPUB, client="zimbra", received="2026-11-27 15:30",
    subject="Báo cáo tuần 48 (23/11-27/11/2026) - Văn phòng UBND tỉnh",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Văn phòng UBND tỉnh báo cáo kết quả tuần 48 như sau:

Về nhiệm vụ NV07 (Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình): Văn phòng đã phối hợp với các sở, ngành rà soát được 312/480 thủ tục hành chính; trong tuần đã trình Chủ tịch UBND tỉnh công bố bổ sung 24 thủ tục trực tuyến toàn trình. Nhiệm vụ đang thực hiện, tiến độ đạt 65%.
Tỷ lệ hồ sơ trực tuyến toàn trình tiếp nhận trên Hệ thống thông tin giải quyết TTHC của tỉnh trong tuần đạt 85%, tăng 3% so với tuần trước.
Khó khăn, vướng mắc: một số thủ tục lĩnh vực đất đai chưa kết nối được với cơ sở dữ liệu đất đai quốc gia.

Về việc phối hợp thực hiện NV01: Văn phòng đã trình Lãnh đạo UBND tỉnh cho ý kiến dự thảo Kế hoạch triển khai Nghị quyết 57-NQ/TW do Sở KH&CN trình tại Tờ trình số 418/TTr-SKHCN.

Trân trọng.
Phạm Thị Hồng Nhung
Phòng Kiểm soát TTHC - VP UBND tỉnh
""",
    expected=dict(
        description="VPUB weekly paragraphs: NV07 65% (312/480) next to 'tỷ lệ hồ sơ trực tuyến ... 85%, tăng 3%'; NV01 coordination with a result only",
        reports=[R("VPUB", "weekly", "2026-W48", {
            "NV07": T("in_progress", 65, difficulties="đất đai"),
            "NV01": T(None, None, result="418/TTr-SKHCN"),
        })],
    ),
)

# D006 — 'Hoàn thành' opens the result of a task still in progress
case(
    "D006_sxd_hoan_thanh_5_20_nut_giao",
    sender=SXD, client="zimbra", received="2026-11-11 16:20",
    subject="Báo cáo ngày 11/11/2026 - Sở Xây dựng",
    text="""Kính gửi Tổ công tác,

Sở Xây dựng báo cáo tiến độ nhiệm vụ NV10 như sau:

NV10 - Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao: Hoàn thành việc lắp đặt camera tại 5/20 nút giao trên tuyến QL1 và QL19; các nút còn lại đang thi công, dự kiến xong trong tháng 12/2026. Phần số hóa dữ liệu hạ tầng mới hoàn thành khảo sát hiện trạng 3/8 tuyến đường tỉnh. Tiến độ chung đạt 30%, nhiệm vụ đang thực hiện.

Khó khăn: nguồn điện cấp cho tủ camera tại một số nút giao chưa được Điện lực đấu nối.

Trân trọng!
Ngô Văn Bình - Sở Xây dựng
""",
    expected=dict(
        description="SXD one paragraph starting 'Hoàn thành việc lắp đặt camera tại 5/20 nút giao'; the task is in progress at 30%",
        reports=[R("SXD", "daily", "2026-11-11", {
            "NV10": T("in_progress", 30, difficulties="Điện lực"),
        })],
    ),
)

# D007 — another task's code inside this task's paragraph
case(
    "D007_snv_nv05_trong_doan_nv08",
    sender=SNV, client="zimbra", received="2026-11-10 15:55",
    subject="Sở Nội vụ - báo cáo ngày 10/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Nội vụ báo cáo như sau:

Về nhiệm vụ NV08 (Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức): Sở đã hoàn thành nhập liệu hồ sơ cho 38/40 cơ quan, đơn vị; đồng thời phối hợp với nhiệm vụ NV05 của Công an tỉnh để đối soát số định danh cá nhân của 21.460 cán bộ, công chức, viên chức với Cơ sở dữ liệu quốc gia về dân cư. Nhiệm vụ đang thực hiện, tiến độ đạt 95%; dự kiến vận hành chính thức trong tháng 12/2026.
Khó khăn: 2 đơn vị sự nghiệp chưa cập nhật xong hồ sơ do thay đổi nhân sự phụ trách.

Trân trọng./.
Võ Thanh Hải
Phòng Công chức, viên chức - Sở Nội vụ
""",
    expected=dict(
        description="SNV paragraph on NV08 that names NV05 (Police's task) mid-sentence before 'tiến độ đạt 95%'",
        reports=[R("SNV", "daily", "2026-11-10", {
            "NV08": T("in_progress", 95, difficulties="nhân sự"),
        })],
        absent_tasks=["NV05"],
    ),
)

# D008 — shared commune mailbox, unit named; a headcount that is the progress
case(
    "D008_xtp_chu_ky_so_45_tren_50",
    sender=VPXA, client="zimbra", received="2026-11-12 14:40",
    subject="UBND xã Tuy Phước báo cáo ngày 12/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Đơn vị: UBND xã Tuy Phước
Kỳ báo cáo: ngày 12/11/2026

1. NV12 - Triển khai chữ ký số cho cán bộ cấp xã
Tình trạng: Đang thực hiện
Tiến độ: 45/50 cán bộ đã được cấp chữ ký số
Kết quả: Đã bàn giao thiết bị chữ ký số cho 45 cán bộ, công chức; 5 trường hợp còn lại là cán bộ mới điều động, đang làm thủ tục đề nghị cấp.

2. NV13 - Phổ cập kỹ năng số cho người dân qua tổ công nghệ số cộng đồng
Tình trạng: Đang thực hiện
Tiến độ: 75%
Kết quả: 9/12 thôn đã thành lập và duy trì hoạt động tổ công nghệ số cộng đồng; trong ngày tổ chức 02 lớp hướng dẫn cài đặt VNeID cho 86 người dân.

Người báo cáo: Lê Thị Thanh - Văn phòng HĐND và UBND xã Tuy Phước
""",
    expected=dict(
        description="Shared commune mailbox, 'Đơn vị: UBND xã Tuy Phước'; 'Tiến độ: 45/50 cán bộ' is 90",
        reports=[R("XTP", "daily", "2026-11-12", {
            "NV12": T("in_progress", 90, result="45 cán bộ"),
            "NV13": T("in_progress", 75, result="VNeID"),
        })],
    ),
)

# D009 — titles only, from the shared mailbox; NV12 and NV14 have the same title
case(
    "D009_xpc_tieu_de_trung_nv12_nv14",
    sender=VPXA, client="zimbra", received="2026-11-18 16:10",
    subject="Báo cáo ngày 18/11/2026 - UBND xã Phù Cát",
    text="""Kính gửi Tổ công tác của Chủ tịch UBND tỉnh,

UBND xã Phù Cát báo cáo tiến độ thực hiện nhiệm vụ ngày 18/11/2026 như sau:

1. Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 80%. Đã cấp chữ ký số cho cán bộ, công chức các bộ phận chuyên môn; khối Đảng, đoàn thể đang chờ cấp.
2. Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện; đến nay đã có 3/5 chợ và 10/14 trường học triển khai thanh toán bằng mã QR.

Khó khăn: tiểu thương lớn tuổi còn ngại sử dụng thanh toán điện tử.

Lê Thị Thanh
Văn phòng HĐND và UBND xã Phù Cát
""",
    expected=dict(
        description="Shared commune mailbox, Phù Cát, tasks by title only; the chữ ký số title is also Tuy Phước's NV12; NV15 gives two fractions, no single progress",
        reports=[R("XPC", "daily", "2026-11-18", {
            "NV14": T("in_progress", 80),
            "NV15": {"status": "in_progress"},
        }, uncertain=[("NV15", "progress")])],
        absent_tasks=["NV12"],
    ),
)

# D010 — progress written before the task code, from a phone
case(
    "D010_skhcn_tien_do_truoc_ma",
    sender=SKHCN_GMAIL, client="iphone", received="2026-11-24 16:02",
    subject="BC ngày 24/11 SKHCN",
    text="""Sở KH&CN báo cáo nhanh tiến độ ngày 24/11/2026:
- 70% – NV01 (KH triển khai NQ57): đã trình UBND tỉnh dự thảo lần 4 kèm Tờ trình 418/TTr-SKHCN.
- 40% – NV02: đang thực hiện, chờ ý kiến góp ý của Hiệp hội Doanh nghiệp tỉnh.
- NV03: chưa triển khai.

An - SKHCN

Sent from my iPhone
""",
    expected=dict(
        description="SKHCN focal point's Gmail from a phone: '70% – NV01', '40% – NV02', percent before the code; NV01 has no status word",
        reports=[R("SKHCN", "daily", "2026-11-24", {
            "NV01": T(None, 70, result="dự thảo lần 4"),
            "NV02": T("in_progress", 40),
            "NV03": T("not_started", None),
        })],
    ),
)

# D011 — completed; a disbursement rate in the general part is not the progress
case(
    "D011_stc_giai_ngan_40_nv04_hoan_thanh",
    sender=STC, client="outlook", received="2026-11-27 16:15",
    subject="Báo cáo tuần 48/2026 - Sở Tài chính",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Tài chính báo cáo kết quả thực hiện nhiệm vụ tuần 48/2026:

Tình hình chung: Tính đến ngày 25/11/2026, các đơn vị được giao kinh phí sự nghiệp KH&CN và chuyển đổi số đã giải ngân 40% vốn được giao; Sở đã có văn bản đôn đốc các đơn vị chậm giải ngân.

Nhiệm vụ NV04 - Bố trí kinh phí sự nghiệp khoa học công nghệ và chuyển đổi số năm 2026:
Tình trạng: Đã hoàn thành
Kết quả: UBND tỉnh đã ban hành Quyết định số 2398/QĐ-UBND ngày 25/11/2026 phân bổ kinh phí đợt 2 (2,35 tỷ đồng), hoàn tất việc bố trí kinh phí năm 2026 cho 12 đơn vị.

Trân trọng./.
Trần Thị Bích Ngọc - Sở Tài chính
""",
    expected=dict(
        description="STC weekly: 'giải ngân 40% vốn' in the general situation, NV04 'Đã hoàn thành' with no progress (= 100)",
        reports=[R("STC", "weekly", "2026-W48", {
            "NV04": T("completed", 100, result="2398/QĐ-UBND"),
        })],
    ),
)

# D012 — negation far from the verb: "không phải đã hoàn thành ... mà mới xong phần rà soát"
case(
    "D012_cat_dinh_chinh_khong_phai_hoan_thanh",
    sender=CAT_PC06, client="zimbra", received="2026-11-25 15:40",
    subject="Công an tỉnh - Báo cáo ngày 25/11/2026 (đính chính NV05)",
    text="""Kính gửi Tổ công tác,

Công an tỉnh báo cáo tiến độ ngày 25/11/2026 như sau:

- NV05 (Làm sạch dữ liệu dân cư): xin đính chính, nhiệm vụ này không phải đã hoàn thành như báo cáo ngày 24/11 mà mới xong phần rà soát, đối chiếu tại 8/11 đơn vị cấp xã trọng điểm; hiện vẫn đang thực hiện, tiến độ đạt 60%.
- NV06 (Cấp tài khoản định danh điện tử mức độ 2): đang thực hiện, đạt 84% kế hoạch.

Kính mong Tổ công tác cập nhật lại số liệu.
Lê Minh Tuấn - PC06
""",
    expected=dict(
        description="Police correction: 'không phải đã hoàn thành như báo cáo ngày 24/11 mà mới xong ... 8/11 đơn vị', in progress at 60%",
        reports=[R("CAT", "daily", "2026-11-25", {
            "NV05": T("in_progress", 60),
            "NV06": T("in_progress", 84),
        })],
    ),
)

# D013 — new report above a forwarded earlier one (subject still the old one's)
case(
    "D013_skhcn_chuyen_tiep_bao_cao_cu",
    sender=SKHCN, client="zimbra", received="2026-11-25 16:20",
    subject="Fwd: BC ngày 23/11/2026 - Sở KH&CN",
    text="""Kính gửi Tổ công tác,

Sở KH&CN báo cáo ngày 25/11/2026 (chuyển tiếp kèm báo cáo ngày 23/11 để tiện theo dõi):

NV01: Đang thực hiện, tiến độ 75%. Hôm nay UBND tỉnh đã cho ý kiến vào dự thảo lần 4, Sở đang tiếp thu, hoàn thiện.
NV02: Đang thực hiện, tiến độ 45%.

Nguyễn Văn An

----- Thư đã chuyển tiếp -----
Từ: "Sở Khoa học và Công nghệ" <skhcn@binhdinh.gov.vn>
Tới: baocao@binhdinh.gov.vn
Đã gửi: Thứ Hai, 23 Tháng Mười Một, 2026 16:02:11
Chủ đề: BC ngày 23/11/2026 - Sở KH&CN

Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 23/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 70%

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 40%

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
""",
    expected=dict(
        description="SKHCN writes the 25/11 report above a forwarded copy of its 23/11 report (subject 'Fwd: BC ngày 23/11'); only the new part counts",
        reports=[R("SKHCN", "daily", "2026-11-25", {
            "NV01": T("in_progress", 75),
            "NV02": T("in_progress", 45),
        })],
        absent_tasks=["NV03"],
    ),
)

# D014 — reply to the reminder correcting one number of the quoted form
REM_VPUB = reminder("Văn phòng Ủy ban nhân dân tỉnh", "VPUB", "19/11/2026", [[
    "Nhiệm vụ: NV07 - Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình",
    "Tình trạng: Đang thực hiện",
    "Tiến độ: 58%",
    "Kết quả: Đã rà soát 278/480 thủ tục.",
    "Khó khăn, vướng mắc:",
    "Đề xuất, kiến nghị:",
]])
case(
    "D014_vpub_sua_mot_so_trong_mau",
    sender=VPUB, client="outlook", received="2026-11-19 15:05",
    subject="RE: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Văn phòng UBND tỉnh",
    reply_to_reminder=True,
    text="""Kính gửi Tổ công tác,
VP UBND tỉnh xin cập nhật: NV07 tiến độ hôm nay là 62% (không phải 58% như mẫu), các nội dung khác giữ nguyên như mẫu dưới.

Trân trọng,
Phạm Thị Hồng Nhung
""",
    quote=dict(
        style="outlook_vi", name=OURS_NAME, addr=OURS, date="Thứ Năm, ngày 19 tháng 11 năm 2026 14:30",
        to="vpub@binhdinh.gov.vn",
        subject="[Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Văn phòng UBND tỉnh",
        body=REM_VPUB,
    ),
    expected=dict(
        description="VPUB Outlook reply to the reminder: only NV07's progress corrected (62, not the form's 58), 'các nội dung khác giữ nguyên như mẫu' (status Đang thực hiện)",
        reports=[R("VPUB", "daily", "2026-11-19", {
            "NV07": T("in_progress", 62),
        })],
    ),
)

# D015 — signature with a former department, footer naming the Office; no unit line
case(
    "D015_snv_chan_trang_van_phong_ubnd",
    sender=SNV, client="zimbra", received="2026-11-04 15:35",
    subject="Báo cáo tiến độ ngày 04/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Nhiệm vụ: NV08 - Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức
Tình trạng: Đang thực hiện
Tiến độ: 80%
Kết quả: Đã hoàn thành chuẩn hóa dữ liệu của 32/40 cơ quan, đơn vị; đang kiểm thử chức năng báo cáo thống kê.
Khó khăn, vướng mắc: Phần mềm chưa kết nối được với hệ thống quản lý văn bản và điều hành của tỉnh.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN hỗ trợ kỹ thuật kết nối.

Trân trọng./.

Võ Thanh Hải
Chuyên viên Phòng Công chức, viên chức
SỞ NỘI VỤ TỈNH BÌNH ĐỊNH
(tiếp nhận chức năng của Sở Lao động - Thương binh và Xã hội)

-------------------------------------------------------
Hệ thống thư điện tử công vụ tỉnh Bình Định - do Văn phòng UBND tỉnh quản lý, vận hành.
Đề nghị không sử dụng hộp thư công vụ để trao đổi thông tin cá nhân.
""",
    expected=dict(
        description="SNV form without 'Đơn vị:'; signature mentions the former labour department, the mail-system footer names Văn phòng UBND tỉnh",
        reports=[R("SNV", "daily", "2026-11-04", {
            "NV08": T("in_progress", 80, difficulties="quản lý văn bản", proposals="hỗ trợ kỹ thuật"),
        })],
    ),
)

# D016 — English mixed in; 'done' inside the result
case(
    "D016_syt_tieng_anh_lan_tieng_viet",
    sender=SYT, client="zimbra", received="2026-11-24 15:50",
    subject="[SYT] Daily report 24/11/2026 - NV09 bệnh án điện tử",
    text="""Kính gửi Tổ công tác,

Sở Y tế báo cáo nhanh NV09 (bệnh án điện tử - EMR) ngày 24/11/2026:

- Status: In progress
- Progress: 75%
- Kết quả: BV Đa khoa tỉnh đã go-live EMR toàn viện (done); BV Phụ sản - Nhi và BV Mắt đã xong UAT, dự kiến go-live ngày 01/12. Các BV còn lại đang migration dữ liệu từ HIS cũ.
- Issues: vendor chậm bàn giao module PACS integration, ảnh hưởng 2 BV.
- Đề xuất: đề nghị Sở KH&CN hỗ trợ đánh giá an toàn thông tin cấp độ 3 trước khi go-live.

Thanks & best regards,
Huỳnh Thị Mai
Phòng Nghiệp vụ Y – Sở Y tế Bình Định
""",
    expected=dict(
        description="SYT IT staff mixing English: 'Status: In progress', 'Progress: 75%', '(done)' and 'xong UAT' inside the result",
        reports=[R("SYT", "daily", "2026-11-24", {
            "NV09": T("in_progress", 75, result="go-live", proposals="an toàn thông tin"),
        })],
    ),
)

# D017 — a commune reports a task it coordinates (NV06) beside its own
case(
    "D017_xtp_phoi_hop_nv06",
    sender=XTP, client="zimbra", received="2026-11-23 15:15",
    subject="Xã Tuy Phước báo cáo ngày 23/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

UBND xã Tuy Phước báo cáo tiến độ các nhiệm vụ ngày 23/11/2026:

1. NV12 (chữ ký số cho cán bộ xã): Đã hoàn thành. 50/50 cán bộ, công chức đã được cấp và sử dụng chữ ký số trên hệ thống quản lý văn bản.
2. NV13 (tổ công nghệ số cộng đồng): Đang thực hiện, đạt 80%; thôn Phú Mỹ và thôn Vinh Thạnh đang kiện toàn tổ.
3. Phối hợp Công an tỉnh thực hiện NV06 (tài khoản định danh điện tử mức độ 2): Đang thực hiện. Trên địa bàn xã đã hỗ trợ kích hoạt 3.250/4.100 tài khoản, đạt 79%.

Lê Thị Thanh
Văn phòng HĐND và UBND xã Tuy Phước
""",
    expected=dict(
        description="Tuy Phước's own mailbox; NV12 completed (no %), NV13 80%, and NV06 which it coordinates with the Police at 79%",
        reports=[R("XTP", "daily", "2026-11-23", {
            "NV12": T("completed", 100),
            "NV13": T("in_progress", 80),
            "NV06": T("in_progress", 79),
        })],
    ),
)

# D018 — 'cơ bản hoàn thành' and 'hoàn thành giai đoạn 1' are not completed
case(
    "D018_xpc_co_ban_hoan_thanh_giai_doan_1",
    sender=XPC, client="zimbra", received="2026-11-26 16:05",
    subject="BC ngày 26/11/2026 - xã Phù Cát",
    text="""Kính gửi Tổ công tác,

UBND xã Phù Cát báo cáo:

- NV14 (chữ ký số cho cán bộ cấp xã): cơ bản hoàn thành, còn 02 cán bộ mới tiếp nhận chưa được cấp chứng thư số.
- NV15 (thanh toán không dùng tiền mặt tại chợ và trường học): đã hoàn thành giai đoạn 1 tại 5/5 chợ; đang triển khai giai đoạn 2 tại các trường học. Tiến độ chung đạt 50%.

Trân trọng.
UBND xã Phù Cát
""",
    expected=dict(
        description="Phù Cát: NV14 'cơ bản hoàn thành' (status uncertain, no progress), NV15 'hoàn thành giai đoạn 1 tại 5/5 chợ' but in progress at 50%",
        reports=[R("XPC", "daily", "2026-11-26", {
            "NV14": {"progress": None},
            "NV15": T("in_progress", 50),
        }, uncertain=[("NV14", "status")])],
    ),
)

# D019 — university weekly: a meeting date of another week, a strategy period, a resolution number
case(
    "D019_dhqn_tuan_giai_doan_2021_2025",
    sender=DHQN, client="outlook", received="2026-11-13 15:00",
    subject="Báo cáo tuần 46/2026 – Trường Đại học Quy Nhơn",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Trường Đại học Quy Nhơn báo cáo tiến độ thực hiện nhiệm vụ NV11 (Thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn) trong tuần như sau:

- Trên cơ sở tiếp thu ý kiến góp ý tại cuộc họp ngày 04/11/2026 với Sở KH&CN, Nhà trường đã hoàn chỉnh Đề án thành lập Trung tâm, gắn với Chiến lược phát triển Trường giai đoạn 2021-2025, tầm nhìn đến năm 2030.
- Đảng ủy Trường đã có Nghị quyết số 45-NQ/ĐU thống nhất chủ trương; Nhà trường đang hoàn thiện hồ sơ trình Hội đồng trường tại phiên họp tháng 12.
- Tình trạng: Đang thực hiện. Tiến độ: 60%.
- Khó khăn: chưa có hướng dẫn về cơ chế tự chủ tài chính đối với Trung tâm.

Trân trọng./.

TS. Trương Văn Long
Phó Trưởng phòng Khoa học công nghệ và Hợp tác quốc tế
Trường Đại học Quy Nhơn
""",
    expected=dict(
        description="University weekly (week 46 in the subject); body cites a meeting of 04/11, 'giai đoạn 2021-2025', 'Nghị quyết số 45-NQ/ĐU'",
        reports=[R("DHQN", "weekly", "2026-W46", {
            "NV11": T("in_progress", 60, difficulties="tự chủ tài chính"),
        })],
    ),
)

# D020 — the report will come later: not a report
case(
    "D020_skhcn_xin_gui_bao_cao_sau",
    sender=SKHCN, client="zimbra", received="2026-11-19 16:10",
    subject="V/v báo cáo ngày 19/11/2026 chậm",
    text="""Kính gửi Tổ công tác của Chủ tịch UBND tỉnh,

Do hôm nay đồng chí đầu mối của Sở tham dự Kỳ họp HĐND tỉnh, số liệu các nhiệm vụ NV01, NV02, NV03 đang được các phòng tổng hợp, Sở KH&CN xin phép gửi báo cáo ngày 19/11/2026 chậm, dự kiến trước 17h30 hôm nay.

Kính mong Tổ công tác thông cảm.
Trân trọng./.

Nguyễn Văn An
Sở Khoa học và Công nghệ
""",
    expected=dict(
        description="SKHCN says today's report will come later (names NV01-NV03, gives nothing): not a report",
        outcome="rejected",
        codes=["not_a_report"],
        reports=[],
        absent_tasks=["NV01", "NV02", "NV03"],
    ),
)

# D021 — a meeting date that is not the period; the period is 'hôm nay'
case(
    "D021_cat_hop_ngay_10_11_bao_cao_hom_nay",
    sender=CAT_PC06, client="zimbra", received="2026-11-17 16:00",
    subject="Báo cáo tiến độ nhiệm vụ Đề án 06 - Công an tỉnh",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Thực hiện ý kiến kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp Tổ công tác ngày 10/11/2026, Công an tỉnh báo cáo kết quả thực hiện nhiệm vụ trong ngày hôm nay như sau:

1. NV05 – Làm sạch dữ liệu dân cư: tiếp tục rà soát, chuẩn hóa 4.120 trường thông tin; tình trạng: đang thực hiện; tiến độ: 58%.
2. NV06 – Cấp tài khoản định danh điện tử mức độ 2: trong ngày tiếp nhận 2.730 hồ sơ; tình trạng: đang thực hiện; tiến độ: 80% kế hoạch.

Trân trọng./.
Lê Minh Tuấn
""",
    expected=dict(
        description="Police daily opening with 'cuộc họp Tổ công tác ngày 10/11/2026'; the report is for 'trong ngày hôm nay' (17/11)",
        reports=[R("CAT", "daily", "2026-11-17", {
            "NV05": T("in_progress", 58),
            "NV06": T("in_progress", 80),
        })],
    ),
)

# D022 — Word report pasted into Outlook (HTML only), table rows by title only
D022_ROWS = [
    ("1", "Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh", "Đang thực hiện", "85",
     "UBND tỉnh đã cho ý kiến dự thảo lần 4; Sở đang hoàn thiện để trình ban hành trong tháng 12/2026.", ""),
    ("2", "Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo", "Đang thực hiện", "55",
     "Đã có dự thảo Báo cáo rà soát và dự thảo Nghị quyết HĐND tỉnh; đang lấy ý kiến 35 doanh nghiệp.", ""),
    ("3", "Xây dựng sàn giao dịch công nghệ tỉnh", "Chưa thực hiện", "0", "",
     "Chưa được bố trí kinh phí."),
    ("4", "Phối hợp thành lập Trung tâm đổi mới sáng tạo tại Trường Đại học Quy Nhơn", "Đang thực hiện", "65",
     "Góp ý Đề án thành lập Trung tâm; cử 02 chuyên gia tham gia Tổ tư vấn.", ""),
]


def _p(text, bold=False, center=False):
    style = ' style="text-align:center"' if center else ""
    inner = f"<b>{html.escape(text)}</b>" if bold else html.escape(text)
    return f'<p class="MsoNormal"{style}>{inner}<o:p></o:p></p>\n'


def _td(text, bold=False, width=None):
    w = f' width="{width}"' if width else ""
    return (f'<td{w} valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
            f'{_p(text or chr(160), bold)}</td>')


def d022_html():
    h = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n'
         '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
         '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
         '<style><!-- p.MsoNormal, li.MsoNormal {margin:0cm; font-size:13.0pt; font-family:"Times New Roman",serif;} '
         '.MsoTableGrid {border-collapse:collapse;} --></style></head>\n'
         '<body lang="VI" link="#0563C1" vlink="#954F72"><div class="WordSection1">\n']
    h.append(_p("Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh"))
    h.append(_p("\u00a0"))
    h.append(_p("Sở Khoa học và Công nghệ gửi Báo cáo số 512/BC-SKHCN ngày 30/11/2026 (nội dung như dưới đây, "
                "bản có chữ ký số gửi qua hệ thống quản lý văn bản)."))
    h.append(_p("\u00a0"))
    h.append('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%"><tr>'
             '<td width="45%" valign="top">' + _p("UBND TỈNH BÌNH ĐỊNH", center=True)
             + _p("SỞ KHOA HỌC VÀ CÔNG NGHỆ", bold=True, center=True) + _p("Số: 512/BC-SKHCN", center=True)
             + '</td><td width="55%" valign="top">' + _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
             + _p("Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
             + _p("Bình Định, ngày 30 tháng 11 năm 2026", center=True) + "</td></tr></table>\n")
    h.append(_p("\u00a0"))
    h.append(_p("BÁO CÁO", bold=True, center=True))
    h.append(_p("Kết quả thực hiện nhiệm vụ tháng 11 năm 2026", bold=True, center=True))
    h.append(_p("\u00a0"))
    h.append(_p("I. TÌNH HÌNH CHUNG", bold=True))
    h.append(_p("Thực hiện Quyết định số 1841-QĐ/TU ngày 15/5/2025 của Ban Thường vụ Tỉnh ủy và chỉ đạo của UBND "
                "tỉnh, trong tháng 11/2026 Sở đã tập trung hoàn thiện Kế hoạch triển khai Nghị quyết 57-NQ/TW, "
                "phối hợp các đơn vị thực hiện 04 nhiệm vụ được giao."))
    h.append(_p("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold=True))
    h.append('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
             'style="border-collapse:collapse;border:none">\n<tr>')
    for label, w in (("STT", 40), ("Nhiệm vụ", 220), ("Tình trạng", 90), ("Tiến độ (%)", 60),
                     ("Kết quả thực hiện", 220), ("Khó khăn, vướng mắc", 120)):
        h.append(_td(label, bold=True, width=w))
    h.append("</tr>\n")
    for row in D022_ROWS:
        h.append("<tr>" + "".join(_td(c) for c in row) + "</tr>\n")
    h.append("</table>\n")
    h.append(_p("\u00a0"))
    h.append(_p("III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True))
    h.append(_p("Đề nghị Sở Tài chính sớm tham mưu bố trí kinh phí năm 2027 cho nhiệm vụ xây dựng sàn giao dịch "
                "công nghệ tỉnh."))
    h.append(_p("\u00a0"))
    h.append('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%"><tr>'
             '<td width="50%" valign="top">' + _p("Nơi nhận:", bold=True)
             + _p("- Tổ công tác của Chủ tịch UBND tỉnh;") + _p("- Văn phòng UBND tỉnh;")
             + _p("- Lưu: VT, QLKH.") + '</td><td width="50%" valign="top">'
             + _p("KT. GIÁM ĐỐC", bold=True, center=True) + _p("PHÓ GIÁM ĐỐC", bold=True, center=True)
             + _p("(đã ký)", center=True) + _p("Đặng Minh Khoa", bold=True, center=True) + "</td></tr></table>\n")
    h.append(_p("\u00a0"))
    h.append(_p("Đầu mối: Nguyễn Văn An - Phòng Quản lý khoa học - ĐT 0256 3822 418"))
    h.append("</div></body></html>\n")
    return "".join(h)


case(
    "D022_skhcn_word_thang_11_bang_theo_ten",
    sender=SKHCN, client="outlook", received="2026-11-30 14:10",
    subject="Báo cáo tháng 11/2026 - Sở KH&CN (Báo cáo số 512/BC-SKHCN)",
    html_only=d022_html(),
    expected=dict(
        description="Word monthly report pasted into Outlook (HTML only): official header, numbered sections, table rows naming tasks by title only; row 4 is NV11 which SKHCN coordinates (both NV02 and NV11 titles say 'đổi mới sáng tạo')",
        reports=[R("SKHCN", "monthly", "2026-11", {
            "NV01": T("in_progress", 85),
            "NV02": T("in_progress", 55),
            "NV03": T("not_started", 0),
            "NV11": T("in_progress", 65),
        })],
    ),
)

# D023 — shared mailbox, two communes in one mail (ordinary)
case(
    "D023_xa_chung_hai_don_vi",
    sender=VPXA, client="zimbra", received="2026-11-17 15:45",
    subject="Báo cáo ngày 17/11/2026 - xã Tuy Phước, xã Phù Cát",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Văn phòng HĐND và UBND xã báo cáo tiến độ ngày 17/11/2026 của 02 xã như sau:

I. UBND XÃ TUY PHƯỚC

Nhiệm vụ: NV12
Tình trạng: Đang thực hiện
Tiến độ: 92%

Nhiệm vụ: NV13
Tình trạng: Đang thực hiện
Tiến độ: 75%

II. UBND XÃ PHÙ CÁT

Nhiệm vụ: NV14
Tình trạng: Đang thực hiện
Tiến độ: 78%

Nhiệm vụ: NV15
Tình trạng: Đang thực hiện
Tiến độ: 45%
Khó khăn, vướng mắc: Một số trường học chưa có tài khoản thu học phí qua ngân hàng.

Trân trọng./.
Lê Thị Thanh
""",
    expected=dict(
        description="Shared commune mailbox, canonical blocks under 'I. UBND XÃ TUY PHƯỚC' and 'II. UBND XÃ PHÙ CÁT'",
        reports=[
            R("XTP", "daily", "2026-11-17", {
                "NV12": T("in_progress", 92),
                "NV13": T("in_progress", 75),
            }),
            R("XPC", "daily", "2026-11-17", {
                "NV14": T("in_progress", 78),
                "NV15": T("in_progress", 45, difficulties="học phí"),
            }),
        ],
    ),
)

# D024 — shared mailbox, Phù Cát's report, signature says Tuy Phước
case(
    "D024_xpc_chu_ky_ghi_tuy_phuoc",
    sender=VPXA, client="zimbra", received="2026-11-10 16:05",
    subject="Báo cáo ngày 10/11/2026",
    text="""Kính gửi Tổ công tác,

UBND xã Phù Cát báo cáo tiến độ ngày 10/11/2026:

NV14 – Triển khai chữ ký số cho cán bộ cấp xã: đang thực hiện, đạt 75%.
NV15 – Thanh toán không dùng tiền mặt tại chợ và trường học: đang thực hiện, đạt 35%; đã ký thỏa thuận hợp tác với Agribank chi nhánh Phù Cát.

Trân trọng!

--
Lê Thị Thanh
Công chức Văn phòng - Thống kê
UBND xã Tuy Phước
ĐT: 0914 226 381
""",
    expected=dict(
        description="Shared mailbox: the body says 'UBND xã Phù Cát báo cáo' with NV14/NV15, the focal point's signature still says UBND xã Tuy Phước",
        reports=[R("XPC", "daily", "2026-11-10", {
            "NV14": T("in_progress", 75),
            "NV15": T("in_progress", 35),
        })],
        absent_tasks=["NV12", "NV13"],
    ),
)

# D025 — each item holds two tasks
case(
    "D025_cat_hai_nhiem_vu_moi_dong",
    sender=CAT_DE06, client="zimbra", received="2026-11-26 15:30",
    subject="CAT báo cáo ngày 26/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Công an tỉnh báo cáo tiến độ ngày 26/11/2026:

1. NV05 và NV06 (Đề án 06): đang thực hiện, tiến độ lần lượt đạt 62% và 85%.
2. NV07 (phối hợp Văn phòng UBND tỉnh), NV10 (phối hợp Sở Xây dựng): đã cử cán bộ tham gia tổ rà soát liên ngành; phần việc của Công an tỉnh chưa có số liệu tiến độ, sẽ báo cáo khi đơn vị chủ trì tổng hợp.

Trân trọng./.
Thiếu tá Lê Minh Tuấn - Phòng PC06
""",
    expected=dict(
        description="Police: 'NV05 và NV06 ... lần lượt đạt 62% và 85%'; NV07/NV10 (coordinated) with a result and 'chưa có số liệu tiến độ'",
        reports=[R("CAT", "daily", "2026-11-26", {
            "NV05": T("in_progress", 62),
            "NV06": T("in_progress", 85),
            "NV07": T(None, None),
            "NV10": T(None, None),
        })],
    ),
)

# D026 — reply on 20/11 to the 19/11 reminder, today's report
REM_SYT = reminder("Sở Y tế", "SYT", "19/11/2026", [[
    "Nhiệm vụ: NV09 - Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
    "Tình trạng: Đang thực hiện",
    "Tiến độ: 65%",
    "Kết quả:",
    "Khó khăn, vướng mắc:",
    "Đề xuất, kiến nghị:",
]])
case(
    "D026_syt_tra_loi_thu_nhac_hom_qua",
    sender=SYT, client="zimbra", received="2026-11-20 10:20",
    subject="Re: [Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Sở Y tế",
    reply_to_reminder=True,
    text="""Sở Y tế báo cáo ngày 20/11/2026:

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ: 72%
Kết quả: BV Phụ sản - Nhi hoàn thành kiểm thử phân hệ bệnh án nội trú.
Khó khăn, vướng mắc: thiếu máy chủ lưu trữ (đã báo cáo).

Huỳnh Thị Mai - SYT
""",
    quote=dict(
        style="zimbra", name=OURS_NAME, addr=OURS, date="Thứ Năm, 19 Tháng Mười Một, 2026 14:30:02",
        to="syt@binhdinh.gov.vn",
        subject="[Kênh báo cáo] Nhắc báo cáo ngày 19/11/2026 - Sở Y tế",
        body=REM_SYT,
    ),
    expected=dict(
        description="SYT answers yesterday's reminder thread (subject 19/11) with the report of 20/11 stated in the body",
        reports=[R("SYT", "daily", "2026-11-20", {
            "NV09": T("in_progress", 72, result="nội trú"),
        })],
    ),
)

# D027 — ordinary weekly form
case(
    "D027_stc_tuan_46_mau_chuan",
    sender=STC, client="outlook", received="2026-11-13 16:10",
    subject="Báo cáo tuần 46/2026 - Sở Tài chính",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Đơn vị: Sở Tài chính
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 46/2026

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: UBND tỉnh đã ban hành Quyết định phân bổ kinh phí đợt 1; Sở đang tổng hợp dự toán đợt 2.
Khó khăn, vướng mắc: Không.
Đề xuất, kiến nghị: Không.

Trân trọng./.
Trần Thị Bích Ngọc
""",
    expected=dict(
        description="STC weekly canonical form, 'Tuần 46/2026'",
        reports=[R("STC", "weekly", "2026-W46", {
            "NV04": T("in_progress", 60, result="đợt 2"),
        })],
    ),
)

# D028 — month-end Monday: daily and monthly in one mail; last month's figure quoted
case(
    "D028_vpub_ngay_va_thang_30_11",
    sender=VPUB, client="zimbra", received="2026-11-30 15:55",
    subject="Báo cáo ngày 30/11/2026 và báo cáo tháng 11/2026 - VP UBND tỉnh",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Văn phòng UBND tỉnh gửi báo cáo ngày và báo cáo tháng như sau:

A. BÁO CÁO NGÀY 30/11/2026

Nhiệm vụ: NV07
Tình trạng: Đang thực hiện
Tiến độ: 70%
Kết quả: Trong ngày rà soát thêm 14 thủ tục lĩnh vực xây dựng.

B. BÁO CÁO THÁNG 11/2026

Nhiệm vụ NV07 (Rà soát thủ tục hành chính thực hiện trực tuyến toàn trình): trong tháng, tiến độ tăng từ 40% (cuối tháng 10) lên 70%; đã rà soát 336/480 thủ tục, trình Chủ tịch UBND tỉnh công bố 3 đợt với 61 thủ tục trực tuyến toàn trình. Tình trạng: đang thực hiện, phấn đấu hoàn thành trước ngày 20/12/2026 theo kế hoạch.
Khó khăn, vướng mắc: thủ tục lĩnh vực đất đai chưa kết nối được cơ sở dữ liệu đất đai quốc gia.

Trân trọng./.
Phạm Thị Hồng Nhung - VP UBND tỉnh
""",
    expected=dict(
        description="VPUB on the month's last day: a daily block and a monthly paragraph ('tăng từ 40% ... lên 70%', 'phấn đấu hoàn thành trước ngày 20/12')",
        reports=[
            R("VPUB", "daily", "2026-11-30", {
                "NV07": T("in_progress", 70),
            }),
            R("VPUB", "monthly", "2026-11", {
                "NV07": T("in_progress", 70),
            }),
        ],
    ),
)

# D029 — ordinary numbered form with a) b) c)
case(
    "D029_sxd_danh_so_abc",
    sender=SXD, client="zimbra", received="2026-11-18 15:20",
    subject="Sở Xây dựng báo cáo ngày 18/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Xây dựng báo cáo tiến độ ngày 18/11/2026:

1. Nhiệm vụ: NV10 - Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao
a) Tình trạng: Đang thực hiện
b) Tiến độ: 35%
c) Kết quả: Đã lắp đặt camera tại 7 nút giao; hoàn thành khảo sát hiện trạng 4/8 tuyến đường tỉnh.
d) Khó khăn, vướng mắc: Chưa có mặt bằng đặt tủ điều khiển tại nút giao Đống Đa – Hùng Vương.
e) Đề xuất, kiến nghị: Đề nghị UBND phường Quy Nhơn hỗ trợ bố trí mặt bằng.

Trân trọng./.
Ngô Văn Bình
""",
    expected=dict(
        description="SXD canonical labels behind a) b) c) numbering",
        reports=[R("SXD", "daily", "2026-11-18", {
            "NV10": T("in_progress", 35, difficulties="mặt bằng", proposals="phường Quy Nhơn"),
        })],
    ),
)

# D030 — ordinary Outlook HTML with plain alternative
D030_TEXT = """Kính gửi Tổ công tác,

Văn phòng UBND tỉnh báo cáo ngày 05/11/2026:

Nhiệm vụ: NV07
Tình trạng: Đang thực hiện
Tiến độ: 45%
Kết quả: Đã rà soát 216/480 thủ tục; hoàn thành danh mục đợt 1 gồm 37 thủ tục đủ điều kiện trực tuyến toàn trình.
Khó khăn, vướng mắc: Một số sở chưa cử cán bộ đầu mối rà soát.
Đề xuất, kiến nghị: Đề nghị các sở, ngành cử đầu mối trước ngày 10/11/2026.

Trân trọng,
Phạm Thị Hồng Nhung
Văn phòng UBND tỉnh Bình Định
"""
case(
    "D030_vpub_outlook_html",
    sender=VPUB, client="outlook", received="2026-11-05 15:10",
    subject="Báo cáo ngày 05/11/2026 - VP UBND tỉnh",
    text=D030_TEXT, html_alt=True,
    expected=dict(
        description="VPUB Outlook mail (plain + HTML), canonical labels",
        reports=[R("VPUB", "daily", "2026-11-05", {
            "NV07": T("in_progress", 45, difficulties="đầu mối", proposals="trước ngày 10/11/2026"),
        })],
    ),
)

# D031 — ordinary monthly sent on 01/12, from a Mac (NFD)
case(
    "D031_dhqn_thang_11_gui_01_12",
    sender=DHQN, client="apple", received="2026-12-01 09:15", nfd=True,
    subject="Báo cáo tháng 11/2026 - Trường ĐH Quy Nhơn (gửi chậm)",
    text="""Kính gửi Tổ công tác,

Trường Đại học Quy Nhơn xin gửi báo cáo tháng 11/2026 (gửi chậm do sự cố hộp thư chiều 30/11).

Đơn vị: ĐH Quy Nhơn
Loại báo cáo: Tháng
Kỳ báo cáo: Tháng 11/2026

Nhiệm vụ: NV11
Tình trạng: Đang thực hiện
Tiến độ: 65%
Kết quả: Hội đồng trường đã thông qua Đề án thành lập Trung tâm đổi mới sáng tạo tại phiên họp ngày 27/11/2026; đang hoàn thiện quy chế tổ chức và hoạt động.
Khó khăn, vướng mắc: Chưa bố trí được mặt bằng làm việc cho Trung tâm.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN hỗ trợ kinh phí trang thiết bị ban đầu.

Trân trọng,
TS. Trương Văn Long
Trường Đại học Quy Nhơn
""",
    expected=dict(
        description="University monthly for November sent late on 01/12 from Apple Mail (decomposed Vietnamese)",
        reports=[R("DHQN", "monthly", "2026-11", {
            "NV11": T("in_progress", 65, result="quy chế", difficulties="mặt bằng", proposals="trang thiết bị"),
        })],
    ),
)

# D032 — '45 cán bộ' trained is not the progress; 'sắp hoàn thành' is not a status
case(
    "D032_snv_tap_huan_45_can_bo",
    sender=SNV, client="zimbra", received="2026-11-23 15:25",
    subject="Sở Nội vụ báo cáo ngày 23/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Nội vụ báo cáo tiến độ ngày 23/11/2026:

1. NV08 – Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức: sắp hoàn thành, tiến độ 97%. Trong ngày, Sở tổ chức tập huấn cho 45 cán bộ phụ trách công tác tổ chức cán bộ của các sở, ngành, địa phương về khai thác, cập nhật cơ sở dữ liệu; cập nhật bổ sung 1.250 hồ sơ.

2. Phối hợp với UBND xã Tuy Phước, UBND xã Phù Cát thực hiện NV12, NV14 (chữ ký số cho cán bộ cấp xã): Sở đã tổng hợp, gửi Ban Cơ yếu Chính phủ danh sách 07 cán bộ đề nghị cấp bổ sung chứng thư số.

Trân trọng./.
Võ Thanh Hải
""",
    expected=dict(
        description="SNV: NV08 'sắp hoàn thành, tiến độ 97%' then '45 cán bộ' trained; NV12/NV14 (coordinated) in one item with a result only",
        reports=[R("SNV", "daily", "2026-11-23", {
            "NV08": {"progress": 97},
            "NV12": T(None, None),
            "NV14": T(None, None),
        }, uncertain=[("NV08", "status")])],
    ),
)

# D033 — the focal point forwards the report a colleague compiled (ordinary)
case(
    "D033_cat_chuyen_tiep_bao_cao_cua_doi",
    sender=CAT_PC06, client="zimbra", received="2026-11-05 16:05",
    subject="Fwd: Báo cáo ngày 05/11/2026 - PC06",
    text="""Chuyển Tổ công tác báo cáo ngày 05/11/2026 của Công an tỉnh (do Đội 2 - PC06 tổng hợp).
Tuấn

----- Thư đã chuyển tiếp -----
Từ: "Đặng Quốc Huy" <danghuy.pc06@gmail.com>
Tới: pc06.cat@binhdinh.gov.vn
Đã gửi: Thứ Năm, 5 Tháng Mười Một, 2026 15:48:20
Chủ đề: Báo cáo ngày 05/11/2026 - PC06

Đơn vị: Công an tỉnh
Loại báo cáo: Ngày
Kỳ báo cáo: 05/11/2026

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 45%
Kết quả: Đã rà soát, chuẩn hóa 6.380 trường thông tin về nơi cư trú.

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 76%
Kết quả: Trong ngày kích hoạt 1.905 tài khoản định danh điện tử mức độ 2.
""",
    expected=dict(
        description="Police focal point forwards (official mailbox) the day's report compiled by a colleague's Gmail; the forwarded form is the report",
        reports=[R("CAT", "daily", "2026-11-05", {
            "NV05": T("in_progress", 45, result="nơi cư trú"),
            "NV06": T("in_progress", 76),
        })],
    ),
)

# D034 — phone, no diacritics (ordinary)
case(
    "D034_skhcn_dien_thoai_khong_dau",
    sender=SKHCN_GMAIL, client="iphone", received="2026-11-26 16:20",
    subject="bc ngay 26/11",
    text="""SKHCN bc ngay 26/11/2026:
NV01 dang lam dat 78%, da tiep thu y kien UBND tinh
NV02 dang lam dat 50%
NV03 chua trien khai

An

Sent from my iPhone
""",
    expected=dict(
        description="SKHCN focal point's phone (Gmail), no diacritics, one line per task",
        reports=[R("SKHCN", "daily", "2026-11-26", {
            "NV01": T("in_progress", 78),
            "NV02": T("in_progress", 50),
            "NV03": T("not_started", None),
        })],
    ),
)

# D035 — phone, no diacritics: '10/12 thon' (looks like a date) is the progress
case(
    "D035_xtp_dien_thoai_10_12_thon",
    sender=XTP, client="iphone", received="2026-11-27 11:05",
    subject="bc ngay 27/11 xa Tuy Phuoc",
    text="""Xa Tuy Phuoc bc ngay 27/11:
- NV12 xong, 100% can bo da co CKS
- NV13 dang thuc hien, dat 10/12 thon co to CNS cong dong hoat dong
Thanh - VP xa
""",
    expected=dict(
        description="Tuy Phước from a phone without diacritics: NV12 'xong', NV13 'dat 10/12 thon' (10 of the 12 villages = 83)",
        reports=[R("XTP", "daily", "2026-11-27", {
            "NV12": T("completed", 100),
            "NV13": T("in_progress", 83),
        })],
    ),
)

# D036 — a range is uncertain; 'hoàn thành 48% khối lượng' is not completed
case(
    "D036_cat_khoang_75_80",
    sender=CAT_PC06, client="zimbra", received="2026-11-09 15:50",
    subject="Báo cáo ngày 09/11/2026 - Công an tỉnh",
    text="""Kính gửi Tổ công tác,

Công an tỉnh báo cáo tiến độ ngày 09/11/2026:

- NV05: đang thực hiện; đã hoàn thành 48% khối lượng rà soát, làm sạch theo kế hoạch.
- NV06: đang thực hiện, ước đạt khoảng 75-80% kế hoạch (số liệu trên hệ thống đang đồng bộ, sẽ báo cáo chính xác vào ngày mai).

Trân trọng./.
Lê Minh Tuấn - PC06
""",
    expected=dict(
        description="Police: NV05 'đang thực hiện; đã hoàn thành 48% khối lượng', NV06 'ước đạt khoảng 75-80%' (a range)",
        reports=[R("CAT", "daily", "2026-11-09", {
            "NV05": T("in_progress", 48),
            "NV06": {"status": "in_progress"},
        }, uncertain=[("NV06", "progress")])],
    ),
)

# D037 — times and a count before the progress, sent after the deadline
case(
    "D037_sxd_gio_14h30_16h30",
    sender=SXD, client="zimbra", received="2026-11-25 16:45",
    subject="Báo cáo ngày 25/11/2026 - Sở Xây dựng (gửi chậm)",
    text="""Kính gửi Tổ công tác,

Sở Xây dựng báo cáo tiến độ nhiệm vụ NV10 ngày 25/11/2026 (gửi chậm do đoàn kiểm tra hiện trường về muộn):

Vào lúc 14h30 hôm nay, Sở phối hợp Công an tỉnh (Phòng CSGT) nghiệm thu camera tại nút giao Ngô Mây – Nguyễn Tất Thành, là nút giao thứ 9/20 được lắp đặt. Đến 16h30 ngày 25/11, đã có 8 nút giao truyền hình ảnh về Trung tâm giám sát, điều hành đô thị thông minh (IOC) của tỉnh.
Tình trạng: đang thực hiện. Tiến độ chung: 38%.

Ngô Văn Bình
Phòng Quản lý kết cấu hạ tầng giao thông – Sở Xây dựng
""",
    expected=dict(
        description="SXD late daily: '14h30', 'nút giao thứ 9/20', '16h30 ngày 25/11', '8 nút giao' before 'Tiến độ chung: 38%'",
        reports=[R("SXD", "daily", "2026-11-25", {
            "NV10": T("in_progress", 38),
        })],
    ),
)

# D038 — title begins with 'Triển khai'; the status is 'tạm dừng'
case(
    "D038_xpc_tam_dung_tieu_de_trien_khai",
    sender=XPC, client="zimbra", received="2026-11-06 15:00",
    subject="Báo cáo ngày 06/11/2026 - UBND xã Phù Cát",
    text="""Kính gửi Tổ công tác của Chủ tịch UBND tỉnh,

UBND xã Phù Cát báo cáo tiến độ ngày 06/11/2026:

NV14. Triển khai chữ ký số cho cán bộ cấp xã – tạm dừng do chờ Ban Cơ yếu Chính phủ cấp bổ sung chứng thư số; đến nay đã cấp được cho 30/42 cán bộ, công chức (đạt 71%).
NV15. Thanh toán không dùng tiền mặt tại chợ và trường học – đang triển khai, tiến độ 20%. Đã khảo sát 5 chợ, 14 trường học.

Trân trọng./.
Văn phòng HĐND và UBND xã Phù Cát
""",
    expected=dict(
        description="Phù Cát: 'NV14. Triển khai chữ ký số ... – tạm dừng ...' (paused, 30/42 = 71%), NV15 'đang triển khai, tiến độ 20%'",
        reports=[R("XPC", "daily", "2026-11-06", {
            "NV14": T("paused", 71),
            "NV15": T("in_progress", 20),
        })],
    ),
)

# D039 — Outlook (English UI) reply to the reminder, new values above the quoted form
REM_SKHCN = reminder("Sở Khoa học và Công nghệ", "SKHCN", "12/11/2026", [
    ["Nhiệm vụ: NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh",
     "Tình trạng: Đang thực hiện", "Tiến độ: 60%", "Kết quả:", "Khó khăn, vướng mắc:", "Đề xuất, kiến nghị:"],
    ["Nhiệm vụ: NV02 - Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo",
     "Tình trạng: Đang thực hiện", "Tiến độ: 35%", "Kết quả:", "Khó khăn, vướng mắc:", "Đề xuất, kiến nghị:"],
    ["Nhiệm vụ: NV03 - Xây dựng sàn giao dịch công nghệ tỉnh",
     "Tình trạng: Chưa triển khai", "Tiến độ: 0%", "Kết quả:", "Khó khăn, vướng mắc:", "Đề xuất, kiến nghị:"],
])
case(
    "D039_skhcn_tra_loi_thu_nhac_outlook",
    sender=SKHCN, client="outlook", received="2026-11-12 14:50",
    subject="RE: [Kênh báo cáo] Nhắc báo cáo ngày 12/11/2026 - Sở Khoa học và Công nghệ",
    reply_to_reminder=True,
    text="""Kính gửi Tổ công tác,

Sở KH&CN gửi báo cáo ngày 12/11/2026:

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 65%
Kết quả: Đã hoàn thiện dự thảo lần 3, gửi Sở Tư pháp thẩm định.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 38%

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
Ghi chú: Sở chưa thể hoàn thành thủ tục lựa chọn đơn vị tư vấn do chưa được giao dự toán.

Trân trọng,
Nguyễn Văn An
""",
    quote=dict(
        style="outlook_en", name=OURS_NAME, addr=OURS, date="Thursday, November 12, 2026 2:30 PM",
        to="skhcn@binhdinh.gov.vn",
        subject="[Kênh báo cáo] Nhắc báo cáo ngày 12/11/2026 - Sở Khoa học và Công nghệ",
        body=REM_SKHCN,
    ),
    expected=dict(
        description="SKHCN Outlook (English UI) reply: new form on top, the reminder's pre-filled form (older values) quoted below; NV03 note says 'chưa thể hoàn thành'",
        reports=[R("SKHCN", "daily", "2026-11-12", {
            "NV01": T("in_progress", 65, result="Sở Tư pháp"),
            "NV02": T("in_progress", 38),
            "NV03": T("not_started", None, notes="đơn vị tư vấn"),
        })],
    ),
)

# D040 — ordinary daily
case(
    "D040_vpub_ngay_binh_thuong",
    sender=VPUB, client="zimbra", received="2026-11-09 15:40",
    subject="VP UBND tỉnh - Báo cáo ngày 09/11/2026",
    text="""Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Đơn vị: Văn phòng UBND tỉnh
Loại báo cáo: Ngày
Kỳ báo cáo: 09/11/2026

Nhiệm vụ: NV07
Tình trạng: Đang thực hiện
Tiến độ: 50%
Kết quả: Tiếp nhận kết quả rà soát của 15 sở, ngành; đang tổng hợp danh mục đợt 2.
Khó khăn, vướng mắc: Không.

Trân trọng./.
Phạm Thị Hồng Nhung
""",
    expected=dict(
        description="VPUB canonical daily form, one task",
        reports=[R("VPUB", "daily", "2026-11-09", {
            "NV07": T("in_progress", 50, result="danh mục đợt 2"),
        })],
    ),
)


# ============================================================================================
# building the messages

CLIENTS = {
    "zimbra": ("X-Mailer", "Zimbra 8.8.15_GA_4484 (ZimbraWebClient - GC131 (Win)/8.8.15_GA_4481)"),
    "outlook": ("X-Mailer", "Microsoft Outlook 16.0"),
    "iphone": ("X-Mailer", "iPhone Mail (22B91)"),
    "apple": ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)"),
}


def token(name: str, salt: str = "") -> str:
    return hashlib.sha1((name + salt).encode()).hexdigest()


def message_id(name: str, client: str, addr: str) -> str:
    h = token(name)
    dom = addr.split("@", 1)[1]
    if client == "zimbra":
        return f"<{int(h[:8], 16) % 900000000 + 100000000}.{int(h[8:12], 16)}.{1793500000000 + int(h[12:20], 16) % 10**9}.JavaMail.zimbra@{dom}>"
    if client == "outlook":
        return f"<{h[:6].upper()}PR06MB{h[6:10].upper()}{h[10:30].upper()}@{h[:6].upper()}PR06MB{h[6:10].upper()}.apcprd06.prod.outlook.com>"
    if client == "iphone" and dom == "gmail.com":
        return f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-{h[20:32].upper()}@gmail.com>"
    return f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-{h[20:32].upper()}@{dom}>"


def quoted_text(q: dict) -> str:
    """The quoted part of a reply as the client writes it in text/plain."""
    if q["style"] == "zimbra":
        head = ("----- Thư gốc -----\n"
                f'Từ: "{q["name"]}" <{q["addr"]}>\nTới: {q["to"]}\nĐã gửi: {q["date"]}\nChủ đề: {q["subject"]}\n\n')
        return head + "\n".join(("> " + line) if line else ">" for line in q["body"].splitlines()) + "\n"
    if q["style"] == "outlook_vi":
        head = ("________________________________\n"
                f"Từ: {q['name']} <{q['addr']}>\nĐã gửi: {q['date']}\nĐến: {q['to']}\nChủ đề: {q['subject']}\n\n")
        return head + q["body"] + "\n"
    if q["style"] == "outlook_en":
        head = ("________________________________\n"
                f"From: {q['name']} <{q['addr']}>\nSent: {q['date']}\nTo: {q['to']}\nSubject: {q['subject']}\n\n")
        return head + q["body"] + "\n"
    raise ValueError(q["style"])


def text_to_html_div(text: str) -> str:
    out = []
    for line in text.rstrip("\n").split("\n"):
        out.append(f"<div>{html.escape(line) if line.strip() else '<br>'}</div>")
    return "\n".join(out)


def outlook_html(text: str, q: dict | None) -> str:
    body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>\n'
            '<body dir="ltr">\n<div class="elementToProof" style="font-family: Calibri, Arial, Helvetica, '
            'sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\n' + text_to_html_div(text) + "\n</div>\n")
    if q:
        vi = q["style"] == "outlook_vi"
        lab = ("Từ", "Đã gửi", "Đến", "Chủ đề") if vi else ("From", "Sent", "To", "Subject")
        body += ('<hr style="display:inline-block;width:98%" tabindex="-1">\n'
                 '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" '
                 f'color="#000000"><b>{lab[0]}:</b> {html.escape(q["name"])} &lt;{q["addr"]}&gt;<br>'
                 f'<b>{lab[1]}:</b> {html.escape(q["date"])}<br><b>{lab[2]}:</b> {q["to"]}<br>'
                 f'<b>{lab[3]}:</b> {html.escape(q["subject"])}</font>\n<div>&nbsp;</div></div>\n'
                 '<div class="BodyFragment"><font size="2"><span style="font-size:11pt;">'
                 '<div class="PlainText">' + html.escape(q["body"]).replace("\n", "<br>\n") + "</div></span></font></div>\n")
    return body + "</body></html>\n"


def received_of(c: dict) -> datetime:
    """The arrival time our side records (seconds derived from the case name, stable)."""
    base = datetime.strptime(c["received"], "%Y-%m-%d %H:%M").replace(tzinfo=TZ)
    return base + timedelta(seconds=int(token(c["name"])[4:6], 16) % 50)


def build(c: dict) -> bytes:
    name = c["name"]
    disp, addr = c["sender"]
    client = c["client"]
    recv = received_of(c)
    h = token(name)
    sent = recv - timedelta(seconds=25 + int(h[:4], 16) % 90)

    msg = EmailMessage(policy=POLICY)
    relay = "mail.binhdinh.gov.vn" if addr.endswith("binhdinh.gov.vn") else (
        "mail-sor-f41.google.com" if addr.endswith("gmail.com") else "mail." + addr.split("@", 1)[1])
    msg["Return-Path"] = f"<{addr}>"
    msg["Received"] = (f"from {relay} ({relay} [10.{int(h[6:8], 16)}.{int(h[8:10], 16)}.{int(h[10:12], 16)}]) "
                       f"by mx.binhdinh.gov.vn (Postfix) with ESMTPS id {h[12:22].upper()} "
                       f"for <{OURS}>; {format_datetime(recv)}")
    msg["Date"] = format_datetime(sent)
    msg["From"] = formataddr((disp, addr))
    msg["To"] = formataddr((OURS_NAME, OURS)) if c.get("reply_to_reminder") else OURS
    if c.get("cc"):
        msg["Cc"] = c["cc"]
    msg["Subject"] = c["subject"]
    msg["Message-ID"] = message_id(name, client, addr)
    if c.get("reply_to_reminder"):
        parent = f"<reminder.{token(name, 'parent')[:16]}@baocao.binhdinh.gov.vn>"
        msg["In-Reply-To"] = parent
        msg["References"] = parent
    if client == "outlook":
        msg["Thread-Topic"] = re.sub(r"^(RE|Re|Fwd|FW): ", "", c["subject"])
        msg["Thread-Index"] = "AQHb" + h[:24]
        msg["Content-Language"] = "vi-VN"
    k, v = CLIENTS[client]
    msg[k] = v

    text = c.get("text")
    q = c.get("quote")
    if text is not None and q:
        text = text + "\n" + quoted_text(q)
    if c.get("nfd") and text is not None:
        text = unicodedata.normalize("NFD", text)

    if c.get("html_only"):
        msg.set_content(c["html_only"], subtype="html", charset="utf-8", cte="quoted-printable")
    elif client == "outlook" and (q or c.get("html_alt")):
        msg.set_content(text, charset="utf-8", cte="quoted-printable")
        msg.add_alternative(outlook_html(c["text"], q), subtype="html", charset="utf-8", cte="quoted-printable")
        msg.set_boundary(f"_000_{h[:20].upper()}_")
    elif client == "outlook":
        msg.set_content(text, charset="utf-8", cte="base64")
    else:
        msg.set_content(text, charset="utf-8", cte="8bit" if client == "zimbra" else "quoted-printable")
    # Postfix/Zimbra write a long Message-ID on one line; Exchange folds it (kept as Exchange does).
    return msg.as_bytes(policy=POLICY.clone(max_line_length=100 if client != "outlook" else 78))


def expected_of(c: dict) -> dict:
    e = c["expected"]
    recv = received_of(c)
    out = {
        "description": e["description"],
        "received_at": recv.isoformat(),
        "outcome": e.get("outcome", "accepted"),
    }
    if out["outcome"] != "accepted":
        out["codes"] = e.get("codes", [])
    out["reports"] = e.get("reports", [])
    out["absent_tasks"] = e.get("absent_tasks", [])
    return out


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in list(OUT.glob("D[0-9][0-9][0-9]_*.eml")) + list(OUT.glob("D[0-9][0-9][0-9]_*.expected.json")):
        old.unlink()
    names = set()
    for c in CASES:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        (OUT / f"{c['name']}.eml").write_bytes(build(c))
        (OUT / f"{c['name']}.expected.json").write_text(
            json.dumps(expected_of(c), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
