"""Series G: another province office culture.

Terse Zalo-style messages pasted into mail, a deputy director's long reports (Roman numerals,
"Đồng thời", "Bên cạnh đó", "Tuy nhiên"), arrows, colon-free lines, progress given as the work
that remains, corrections inside one mail, day-by-day weekly figures, pipe tables, subjects that
disagree with the body, difficulties written as questions, and about a third ordinary reports.

Run: python tests/freewrite/make_cases_g.py  (rewrites cases/G*.eml and cases/G*.expected.json)
"""

import datetime as dt
import json
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formataddr
from pathlib import Path

OUT = Path(__file__).resolve().parent / "cases"
TZ = dt.timezone(dt.timedelta(hours=7))
GATEWAY = "baocao@binhdinh.gov.vn"

CASES = []


def case(slug, sender, name, subject, when, body, expected, *, date_offset_min=2, extra=None):
    CASES.append(dict(slug=slug, sender=sender, name=name, subject=subject, when=when,
                      body=body, expected=expected, offset=date_offset_min, extra=extra or {}))


def t(y, m, d, hh, mm):
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


def rep(unit, kind, period, tasks, uncertain=None):
    r = {"unit": unit, "kind": kind, "period": period, "tasks": tasks}
    if uncertain:
        r["uncertain"] = [{"task": a, "field": b} for a, b in uncertain]
    return r


def acc(desc, reports, absent=None):
    e = {"description": desc, "outcome": "accepted", "reports": reports}
    if absent:
        e["absent_tasks"] = absent
    return e


# ---------------------------------------------------------------- ordinary, well-formed reports

case("skhcn_mau_chuan_ngay", "skhcn@binhdinh.gov.vn", "Sở KH&CN Bình Định",
     "Báo cáo ngày 16/11/2026 - Sở KH&CN", t(2026, 11, 16, 15, 5), """\
Đơn vị: SKHCN
Loại báo cáo: Ngày
Kỳ báo cáo: 16/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 60%
Kết quả: Đã gửi dự thảo kế hoạch lấy ý kiến Văn phòng UBND tỉnh và Sở Tài chính.
Khó khăn, vướng mắc: Không.

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 35%
Kết quả: Hoàn thiện đề cương rà soát cơ chế hỗ trợ khởi nghiệp.

Nhiệm vụ: NV03
Tình trạng: Chưa triển khai
Tiến độ: 0%
Ghi chú: Chờ phê duyệt chủ trương.

Trân trọng,
Nguyễn Văn An
Văn phòng Sở KH&CN
""", acc("Sở KH&CN, mẫu chuẩn đủ nhãn, ba nhiệm vụ", [rep("SKHCN", "daily", "2026-11-16", {
    "NV01": {"status": "in_progress", "progress": 60, "result_contains": "lấy ý kiến"},
    "NV02": {"status": "in_progress", "progress": 35},
    "NV03": {"status": "not_started", "progress": 0},
})]))

case("stc_mau_chuan_ngay", "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc",
     "BC ngày 17/11/2026 Sở Tài chính", t(2026, 11, 17, 16, 2), """\
Kính gửi: Tổ công tác của Chủ tịch UBND tỉnh

Sở Tài chính báo cáo tiến độ nhiệm vụ ngày 17/11/2026 như sau:

Nhiệm vụ: NV04 - Bố trí kinh phí sự nghiệp KH&CN và chuyển đổi số năm 2026
Tình trạng: Đang thực hiện
Tiến độ: 75%
Kết quả: Đã tổng hợp nhu cầu kinh phí của 18 đơn vị, dự thảo tờ trình trình UBND tỉnh.
Khó khăn, vướng mắc: Một số đơn vị gửi nhu cầu chậm.
Đề xuất, kiến nghị: Đề nghị các đơn vị gửi số liệu trước ngày 20/11/2026.

Trần Thị Bích Ngọc
Phòng Tài chính hành chính sự nghiệp - Sở Tài chính
""", acc("Sở Tài chính, mẫu chuẩn một nhiệm vụ, số 18 đơn vị và ngày 20/11 trong kết quả", [
    rep("STC", "daily", "2026-11-17", {
        "NV04": {"status": "in_progress", "progress": 75, "result_contains": "tờ trình",
                 "difficulties_contains": "gửi nhu cầu chậm"}})]))

case("cat_tuan_47_mau_chuan", "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn",
     "Báo cáo tuần 47/2026 - Công an tỉnh", t(2026, 11, 20, 14, 40), """\
Đơn vị: Công an tỉnh
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 47/2026

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 85%
Kết quả: Làm sạch thêm 41.250 bản ghi dữ liệu dân cư.

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 62%
Kết quả: Kích hoạt 12.430 tài khoản định danh điện tử mức độ 2 trong tuần.
Khó khăn, vướng mắc: Người dân ở các thôn vùng sâu chưa có điện thoại thông minh.

Đầu mối: Thượng tá Lê Minh Tuấn - PC06
""", acc("Công an tỉnh, báo cáo tuần mẫu chuẩn, số bản ghi có dấu chấm ngăn nghìn", [
    rep("CAT", "weekly", "2026-W47", {
        "NV05": {"status": "in_progress", "progress": 85},
        "NV06": {"status": "in_progress", "progress": 62,
                 "difficulties_contains": "điện thoại thông minh"}})]))

case("vpub_hoan_thanh_khong_tien_do", "vpub@binhdinh.gov.vn", "Phạm Thị Hồng Nhung",
     "Báo cáo ngày 18/11/2026", t(2026, 11, 18, 10, 20), """\
Đơn vị: VPUB
Kỳ báo cáo: 18/11/2026

Nhiệm vụ: NV07
Tình trạng: Hoàn thành
Kết quả: Đã ban hành Danh mục thủ tục hành chính thực hiện trực tuyến toàn trình (Quyết định số 2315/QĐ-UBND ngày 17/11/2026).

Phạm Thị Hồng Nhung
Phòng Kiểm soát TTHC - VP UBND tỉnh
""", acc("VP UBND: hoàn thành, không ghi tiến độ (=100); số quyết định và ngày trong kết quả", [
    rep("VPUB", "daily", "2026-11-18", {
        "NV07": {"status": "completed", "progress": 100, "result_contains": "2315/QĐ-UBND"}})]))

case("syt_thang_11", "syt@binhdinh.gov.vn", "Huỳnh Thị Mai",
     "Báo cáo tháng 11/2026 - Sở Y tế", t(2026, 11, 30, 15, 30), """\
Đơn vị: SYT
Loại báo cáo: Tháng
Kỳ báo cáo: Tháng 11/2026

Nhiệm vụ: NV09
Tình trạng: Đang triển khai
Tiến độ: 90%
Kết quả: 9/10 bệnh viện tuyến tỉnh đã triển khai bệnh án điện tử; Bệnh viện Lao và Bệnh phổi đang chạy thử.
Khó khăn, vướng mắc: Không.

Huỳnh Thị Mai - Văn phòng Sở Y tế
""", acc("Sở Y tế, báo cáo tháng gửi ngày cuối tháng; 9/10 trong kết quả trùng với 90%", [
    rep("SYT", "monthly", "2026-11", {
        "NV09": {"status": "in_progress", "progress": 90, "result_contains": "chạy thử"}})]))

case("sxd_phan_so_nut_giao", "sxd@binhdinh.gov.vn", "Ngô Văn Bình",
     "Báo cáo ngày 23/11/2026 - Sở Xây dựng", t(2026, 11, 23, 16, 10), """\
Đơn vị: SXD
Kỳ báo cáo: 23/11/2026

Nhiệm vụ: NV10
Tình trạng: Đang thực hiện
Tiến độ: 12/20 nút giao
Kết quả: Đã lắp đặt và kết nối camera tại 12 nút giao về Trung tâm điều hành.

Ngô Văn Bình
""", acc("Sở Xây dựng: tiến độ viết bằng phân số 12/20 nút giao = 60", [
    rep("SXD", "daily", "2026-11-23", {
        "NV10": {"status": "in_progress", "progress": 60}})]))

case("dhqn_tuan_48", "khcn@qnu.edu.vn", "Trương Văn Long",
     "Báo cáo tuần 48/2026 - Trường ĐH Quy Nhơn", t(2026, 11, 27, 11, 15), """\
Đơn vị: Trường Đại học Quy Nhơn
Loại báo cáo: Tuần
Kỳ báo cáo: tuần từ 23/11 đến 27/11/2026

Nhiệm vụ: NV11
Tình trạng: Đang thực hiện
Tiến độ: 40%
Kết quả: Hội đồng trường thông qua đề án thành lập Trung tâm đổi mới sáng tạo.
Đề xuất, kiến nghị: Đề nghị Sở KH&CN góp ý quy chế hoạt động của Trung tâm.

TS. Trương Văn Long
Phòng Khoa học công nghệ và Hợp tác quốc tế
""", acc("ĐH Quy Nhơn, tuần viết bằng khoảng ngày", [
    rep("DHQN", "weekly", "2026-W48", {
        "NV11": {"status": "in_progress", "progress": 40, "proposals_contains": "quy chế"}})]))

case("xtp_ngay_hai_nhiem_vu", "tuyphuoc@binhdinh.gov.vn", "Lê Thị Thanh",
     "BC ngày 25/11/2026 xã Tuy Phước", t(2026, 11, 25, 15, 45), """\
Đơn vị: UBND xã Tuy Phước
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV12
Tình trạng: Đã hoàn thành
Tiến độ: 100%
Kết quả: 100% cán bộ, công chức xã đã được cấp chứng thư chữ ký số.

Nhiệm vụ: NV13
Tình trạng: Đang thực hiện
Tiến độ: 50%
Kết quả: 6/12 thôn đã thành lập tổ công nghệ số cộng đồng.

Lê Thị Thanh - Văn phòng UBND xã
""", acc("Xã Tuy Phước từ địa chỉ riêng của xã, mẫu chuẩn", [
    rep("XTP", "daily", "2026-11-25", {
        "NV12": {"status": "completed", "progress": 100},
        "NV13": {"status": "in_progress", "progress": 50}})]))

case("vanphong_xa_hai_xa", "vanphong.xa@binhdinh.gov.vn", "Lê Thị Thanh",
     "Báo cáo ngày 26/11/2026 - xã Tuy Phước và xã Phù Cát", t(2026, 11, 26, 15, 55), """\
Kính gửi Tổ công tác,
Văn phòng gửi báo cáo ngày 26/11/2026 của hai xã như sau:

Đơn vị: UBND xã Tuy Phước
Nhiệm vụ: NV12
Tình trạng: Đang thực hiện
Tiến độ: 90%
Nhiệm vụ: NV13
Tình trạng: Đang thực hiện
Tiến độ: 55%

Đơn vị: UBND xã Phù Cát
Nhiệm vụ: NV14
Tình trạng: Đang thực hiện
Tiến độ: 70%
Nhiệm vụ: NV15
Tình trạng: Chưa triển khai
Tiến độ: 0%
Ghi chú: Đang làm việc với ngân hàng để lắp mã QR tại chợ.

Lê Thị Thanh
""", acc("Hộp thư chung vanphong.xa, hai phần đơn vị trong một thư", [
    rep("XTP", "daily", "2026-11-26", {
        "NV12": {"status": "in_progress", "progress": 90},
        "NV13": {"status": "in_progress", "progress": 55}}),
    rep("XPC", "daily", "2026-11-26", {
        "NV14": {"status": "in_progress", "progress": 70},
        "NV15": {"status": "not_started", "progress": 0}})]))

case("skhcn_thang_11_gui_01_12", "skhcn@binhdinh.gov.vn", "Nguyễn Văn An",
     "Báo cáo tháng 11 - Sở KH&CN", t(2026, 12, 1, 8, 40), """\
Đơn vị: SKHCN
Loại báo cáo: Tháng
Kỳ báo cáo: tháng 11

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 80%
Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 45%
Nhiệm vụ: NV03
Tình trạng: Đang thực hiện
Tiến độ: 15%
Kết quả: Đã có văn bản chấp thuận chủ trương xây dựng sàn giao dịch công nghệ.

Nguyễn Văn An
""", acc("Báo cáo tháng 11 gửi sáng 01/12: 'tháng 11' là tháng vừa qua", [
    rep("SKHCN", "monthly", "2026-11", {
        "NV01": {"status": "in_progress", "progress": 80},
        "NV02": {"status": "in_progress", "progress": 45},
        "NV03": {"status": "in_progress", "progress": 15}})]))

case("xpc_tuan_46", "phucat@binhdinh.gov.vn", "UBND xã Phù Cát",
     "Báo cáo tuần - xã Phù Cát", t(2026, 11, 13, 15, 20), """\
Đơn vị: Xã Phù Cát
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 46/2026

1. Nhiệm vụ: NV14
   Tình trạng: Đang thực hiện
   Tiến độ: 60%
2. Nhiệm vụ: NV15
   Tình trạng: Đang thực hiện
   Tiến độ: 20%
   Kết quả: 2 trường tiểu học đã thu học phí qua chuyển khoản.
""", acc("Xã Phù Cát, báo cáo tuần có đánh số", [
    rep("XPC", "weekly", "2026-W46", {
        "NV14": {"status": "in_progress", "progress": 60},
        "NV15": {"status": "in_progress", "progress": 20, "result_contains": "chuyển khoản"}})]))

# ---------------------------------------------------------------- Zalo-style, terse

case("skhcn_zalo_tra_loi_nhac", "nguyenvanan.skhcn@gmail.com", "An Nguyen",
     "Re: [Kênh báo cáo] Nhắc báo cáo ngày 10/11/2026", t(2026, 11, 10, 16, 12), """\
Dạ em gửi bc ngày 10/11 ạ
NV01: 55%, đang hoàn thiện dự thảo
NV02 đang làm, 30%
Em cảm ơn.

Vào Th 3, 10 thg 11, 2026 vào lúc 14:30 Kênh báo cáo <baocao@binhdinh.gov.vn>
đã viết:
> Đơn vị SKHCN chưa gửi báo cáo ngày 10/11/2026. Mẫu điền sẵn:
>
> Nhiệm vụ: NV01
> Tình trạng: Đang thực hiện
> Tiến độ: 50%
>
> Nhiệm vụ: NV02
> Tình trạng: Đang thực hiện
> Tiến độ: 25%
>
> Nhiệm vụ: NV03
> Tình trạng: Chưa triển khai
> Tiến độ: 0%
""", acc("Trả lời nhanh kiểu Zalo từ Gmail cá nhân đã đăng ký ('đang hoàn thiện dự thảo' = đang "
         "thực hiện); số cũ và NV03 chỉ có trong mẫu nhắc được trích dẫn",
         [rep("SKHCN", "daily", "2026-11-10", {
             "NV01": {"status": "in_progress", "progress": 55},
             "NV02": {"status": "in_progress", "progress": 30}})], absent=["NV03"]))

case("xtp_zalo_dan_nguyen_van", "tuyphuoc@binhdinh.gov.vn", "Le Thi Thanh",
     "bc ngay 11/11", t(2026, 11, 11, 9, 30), """\
[09:15, 11/11/2026] Thanh VP xa: NV12 xong roi a, 100% can bo da co chu ky so
[09:16, 11/11/2026] Thanh VP xa: NV13 dang lam dat 45%
[09:16, 11/11/2026] Thanh VP xa: con 2 thon chua co to cong nghe so
""", acc("Tin Zalo không dấu dán nguyên văn, có dấu thời gian; 'xong roi' = hoàn thành", [
    rep("XTP", "daily", "2026-11-11", {
        "NV12": {"status": "completed", "progress": 100},
        "NV13": {"status": "in_progress", "progress": 45}})]))

# ---------------------------------------------------------------- the deputy director

case("skhcn_pgd_la_ma_tuan_46", "skhcn@binhdinh.gov.vn", "Sở KH&CN Bình Định",
     "Báo cáo tuần 46 về tình hình thực hiện nhiệm vụ NQ57", t(2026, 11, 13, 16, 5), """\
UBND TỈNH BÌNH ĐỊNH
SỞ KHOA HỌC VÀ CÔNG NGHỆ

BÁO CÁO
Tình hình thực hiện nhiệm vụ tuần 46/2026 (từ ngày 09/11 đến ngày 13/11/2026)

I. TÌNH HÌNH CHUNG
Trong tuần, Sở đã tập trung chỉ đạo quyết liệt các nhiệm vụ được giao tại Quyết định 1841-QĐ/TU. Đồng thời, Sở đã phối hợp chặt chẽ với Văn phòng UBND tỉnh và Sở Tài chính trong quá trình hoàn thiện các dự thảo. Bên cạnh đó, Sở đã tổ chức 03 hội thảo với hơn 150 đại biểu tham dự.

II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ
1. Nhiệm vụ NV01 - Xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW của tỉnh
a) Kết quả: Sở đã hoàn thiện dự thảo lần 3; 100% ý kiến góp ý của các sở, ngành đã được tiếp thu, giải trình. Đồng thời, Sở đã gửi Sở Tư pháp thẩm định. Tiến độ ước đạt 70%.
b) Khó khăn: Tuy nhiên, một số chỉ tiêu về tỷ lệ chi cho KH&CN chưa thống nhất với Sở Tài chính.

2. Nhiệm vụ NV02 - Rà soát cơ chế hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo
a) Kết quả: Đang triển khai rà soát, đạt khoảng 40%. Bên cạnh đó, Sở đã khảo sát 25 doanh nghiệp khởi nghiệp.
b) Khó khăn: Không.

3. Nhiệm vụ NV03 - Xây dựng sàn giao dịch công nghệ tỉnh
Chưa triển khai do chờ bố trí kinh phí. Tuy nhiên, Sở đã chủ động làm việc với Sở KH&CN Đà Nẵng để học tập kinh nghiệm.

III. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị Sở Tài chính sớm thống nhất chỉ tiêu tỷ lệ chi ngân sách cho KH&CN.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Đỗ Minh Khoa
""", acc("Phó Giám đốc viết báo cáo dài, mục La Mã và a) b); '100% ý kiến góp ý' và '03 hội thảo', "
         "'25 doanh nghiệp' không phải tiến độ; NV01 không có chữ chỉ trạng thái",
         [rep("SKHCN", "weekly", "2026-W46", {
             "NV01": {"status": None, "progress": 70, "result_contains": "dự thảo lần 3",
                      "difficulties_contains": "chưa thống nhất"},
             "NV02": {"status": "in_progress", "progress": 40},
             "NV03": {"status": "not_started", "progress": None}})]))

case("cat_pgd_co_ban_hoan_thanh", "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn",
     "Báo cáo tháng 11/2026 - Công an tỉnh (Đề án 06)", t(2026, 11, 30, 16, 15), """\
CÔNG AN TỈNH BÌNH ĐỊNH
PHÒNG CẢNH SÁT QLHC VỀ TTXH

BÁO CÁO THÁNG 11/2026
Kết quả thực hiện các nhiệm vụ Đề án 06

I. ĐÁNH GIÁ CHUNG
Trong tháng, Công an tỉnh đã quán triệt nghiêm túc chỉ đạo của Chủ tịch UBND tỉnh. Bên cạnh đó, lực lượng Công an xã được tăng cường xuống địa bàn.

II. KẾT QUẢ CỤ THỂ
1. Nhiệm vụ NV05 (Làm sạch dữ liệu dân cư)
Công an tỉnh cơ bản hoàn thành việc làm sạch dữ liệu dân cư trên địa bàn. Tuy nhiên, còn 3 xã chưa đối soát xong dữ liệu hộ tịch; tiến độ chung đạt 92%.

2. Nhiệm vụ NV06 (Cấp tài khoản định danh điện tử mức độ 2)
Đang thực hiện, đạt 66%. Đồng thời, đã tổ chức 45 đợt cấp lưu động tại các thôn.
Khó khăn: Tuy nhiên, tỷ lệ người cao tuổi kích hoạt tài khoản còn thấp (khoảng 30%).

III. ĐỀ XUẤT
Đề nghị UBND các xã bố trí điểm hỗ trợ kích hoạt tài khoản.

KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG
""", acc("Báo cáo tháng dài; 'cơ bản hoàn thành' không phải hoàn thành (trạng thái không chắc), "
         "tiến độ 92; '45 đợt' và 'khoảng 30%' người cao tuổi không phải tiến độ NV06",
         [rep("CAT", "monthly", "2026-11", {
             "NV05": {"progress": 92},
             "NV06": {"status": "in_progress", "progress": 66,
                      "difficulties_contains": "người cao tuổi"}},
             uncertain=[("NV05", "status")])]))

case("snv_pgd_cau_hoi_kho_khan", "snv@binhdinh.gov.vn", "Sở Nội vụ",
     "Báo cáo tuần 47/2026 - Sở Nội vụ", t(2026, 11, 20, 15, 35), """\
SỞ NỘI VỤ
BÁO CÁO TUẦN 47/2026

I. KẾT QUẢ THỰC HIỆN
1. Nhiệm vụ NV08 - Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức
- Tình trạng: Đang thực hiện
- Tiến độ: 55%
- Kết quả: Đã nhập liệu xong hồ sơ của khối sở, ngành. Đồng thời, đang tiếp nhận dữ liệu của khối xã.
- Khó khăn, vướng mắc: Dữ liệu của 2 hệ thống cũ trùng lặp; đề nghị Sở KH&CN cho ý kiến về việc có tích hợp với Cơ sở dữ liệu quốc gia về cán bộ, công chức ngay trong năm 2026 hay chờ hướng dẫn của Bộ Nội vụ?

II. ĐỀ XUẤT
Như nội dung nêu tại mục I.

PHÓ GIÁM ĐỐC
Trần Quốc Việt
""", acc("Khó khăn viết thành câu hỏi xin ý kiến; 'Như nội dung nêu tại mục I' không phải tiến độ", [
    rep("SNV", "weekly", "2026-W47", {
        "NV08": {"status": "in_progress", "progress": 55,
                 "difficulties_contains": "tích hợp với Cơ sở dữ liệu quốc gia"}})]))

# ---------------------------------------------------------------- the clerk with arrows

case("stc_mui_ten", "stc@binhdinh.gov.vn", "Văn thư Sở Tài chính",
     "BC ngày 18/11/2026", t(2026, 11, 18, 15, 12), """\
Sở Tài chính báo cáo ngày 18/11/2026:

NV04 → 80%
Kết quả: UBND tỉnh đã cho ý kiến vào tờ trình, Sở đang hoàn thiện dự thảo quyết định phân bổ.

Văn thư Sở Tài chính
""", acc("Văn thư viết 'NV04 → 80%': tiến độ 80, không có trạng thái", [
    rep("STC", "daily", "2026-11-18", {
        "NV04": {"status": None, "progress": 80, "result_contains": "dự thảo quyết định"}})]))

case("skhcn_mui_ten_hom_qua_hom_nay", "skhcn@binhdinh.gov.vn", "Văn thư Sở KH&CN",
     "BC ngày 19/11/2026 - SKHCN", t(2026, 11, 19, 16, 0), """\
Tiến độ (hôm qua → hôm nay):
NV01 → 65% → 70%
NV02 → 30% → 35%
NV03 → 5% → 5%

Cả 3 nhiệm vụ đang thực hiện.
Văn thư Sở KH&CN
""", acc("Mũi tên từ số hôm qua sang số hôm nay, có dòng tiêu đề giải thích: số sau cùng là tiến độ", [
    rep("SKHCN", "daily", "2026-11-19", {
        "NV01": {"status": "in_progress", "progress": 70},
        "NV02": {"status": "in_progress", "progress": 35},
        "NV03": {"status": "in_progress", "progress": 5}})]))

# ---------------------------------------------------------------- colon-free lines

case("cat_khong_dau_hai_cham", "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn",
     "Báo cáo ngày 17/11/2026 CA tỉnh", t(2026, 11, 17, 15, 25), """\
Công an tỉnh báo cáo ngày 17/11/2026

NV05 đang làm 70 %
NV06 đang làm 58 %

Lê Minh Tuấn
""", acc("Không dùng dấu hai chấm, có dấu cách trước %: 'NV05 đang làm 70 %'", [
    rep("CAT", "daily", "2026-11-17", {
        "NV05": {"status": "in_progress", "progress": 70},
        "NV06": {"status": "in_progress", "progress": 58}})]))

case("syt_khong_dau_hai_cham_vuong", "syt@binhdinh.gov.vn", "Huỳnh Thị Mai",
     "Sở Y tế báo cáo ngày 16/11/2026", t(2026, 11, 16, 14, 50), """\
Sở Y tế báo cáo ngày 16/11/2026

NV09 đang triển khai 83 % vướng kinh phí mua máy chủ lưu trữ cho Bệnh viện Đa khoa tỉnh

Huỳnh Thị Mai
""", acc("Một dòng không dấu hai chấm, khó khăn viết liền sau con số", [
    rep("SYT", "daily", "2026-11-16", {
        "NV09": {"status": "in_progress", "progress": 83}})]))

# ---------------------------------------------------------------- "đã hoàn thành" for a sub-step

case("snv_buoc_con_da_hoan_thanh", "snv@binhdinh.gov.vn", "Võ Thanh Hải",
     "Báo cáo ngày 12/11/2026", t(2026, 11, 12, 15, 40), """\
Đơn vị: SNV
Kỳ báo cáo: 12/11/2026

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện, đạt 65%
Kết quả: Đã hoàn thành việc nhập liệu hồ sơ của 12/18 cơ quan khối tỉnh; đã hoàn thành xây dựng quy chế khai thác dữ liệu.

Võ Thanh Hải
""", acc("'Đã hoàn thành' hai bước con trong nhiệm vụ đang thực hiện; 12/18 cơ quan là của bước con", [
    rep("SNV", "daily", "2026-11-12", {
        "NV08": {"status": "in_progress", "progress": 65, "result_contains": "quy chế khai thác"}})]))

case("vpub_buoc_con_van_xuoi", "vpub@binhdinh.gov.vn", "Phạm Thị Hồng Nhung",
     "VP UBND tỉnh - báo cáo ngày 10/11/2026", t(2026, 11, 10, 15, 15), """\
Kính gửi Tổ công tác,

Về nhiệm vụ NV07, Văn phòng đã hoàn thành rà soát 150 thủ tục của nhóm lĩnh vực đất đai và đã hoàn thành việc lấy ý kiến Công an tỉnh; hiện đang tiếp tục rà soát nhóm lĩnh vực tư pháp, hộ tịch. Tiến độ chung đạt 55%.

Trân trọng.
Phạm Thị Hồng Nhung
""", acc("Đoạn văn: 'đã hoàn thành' cho bước con, 'đang tiếp tục rà soát' là trạng thái nhiệm vụ", [
    rep("VPUB", "daily", "2026-11-10", {
        "NV07": {"status": "in_progress", "progress": 55}})]))

# ---------------------------------------------------------------- progress as remaining work

case("sxd_con_20_khoi_luong", "sxd@binhdinh.gov.vn", "Ngô Văn Bình",
     "Báo cáo ngày 26/11/2026 - Sở XD", t(2026, 11, 26, 15, 5), """\
Đơn vị: SXD
Kỳ báo cáo: 26/11/2026

Nhiệm vụ: NV10
Tình trạng: Đang thực hiện
Tiến độ: còn 20% khối lượng (lắp camera tại 4 nút giao còn lại, dự kiến xong trước 15/12)

Ngô Văn Bình
""", acc("Tiến độ nói bằng phần còn lại: 'còn 20% khối lượng' = đã làm 80% (4/20 nút giao còn lại "
         "cũng ra 80); không phải 20", [
    rep("SXD", "daily", "2026-11-26", {
        "NV10": {"status": "in_progress", "progress": 80}})]))

case("cat_con_lai_2_10_xa", "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn",
     "Báo cáo ngày 25/11/2026 - Công an tỉnh", t(2026, 11, 25, 16, 0), """\
Đơn vị: CAT
Kỳ báo cáo: 25/11/2026

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 94%

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: còn lại 2/10 xã chưa đạt chỉ tiêu
Kết quả: Các xã còn lại đang tổ chức cấp lưu động vào cuối tuần.
""", acc("'Còn lại 2/10 xã chưa đạt chỉ tiêu': chỉ tiêu tính theo công dân, không nói ra tiến độ "
         "chung (không chắc; không được ghi 20, cũng không chắc là 80)", [
    rep("CAT", "daily", "2026-11-25", {
        "NV05": {"status": "in_progress", "progress": 94},
        "NV06": {"status": "in_progress"}},
        uncertain=[("NV06", "progress")])]))

case("dhqn_con_khoang_30_40", "khcn@qnu.edu.vn", "Trương Văn Long",
     "Báo cáo tuần 47/2026 - ĐH Quy Nhơn", t(2026, 11, 20, 10, 5), """\
Đơn vị: DHQN
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 47/2026

Nhiệm vụ: NV11
Tình trạng: Đang thực hiện
Tiến độ: còn khoảng 30-40% khối lượng công việc
Kết quả: Đã hoàn thành dự thảo đề án, đang trình Hội đồng trường.
""", acc("Phần còn lại là một khoảng 30-40%: tiến độ không chắc", [
    rep("DHQN", "weekly", "2026-W47", {
        "NV11": {"status": "in_progress"}},
        uncertain=[("NV11", "progress")])]))

# ---------------------------------------------------------------- the same task twice

case("skhcn_xin_sua_lai", "skhcn@binhdinh.gov.vn", "Nguyễn Văn An",
     "Báo cáo ngày 20/11/2026 - SKHCN", t(2026, 11, 20, 15, 20), """\
Đơn vị: SKHCN
Kỳ báo cáo: 20/11/2026

Nhiệm vụ: NV01
Tình trạng: Đang thực hiện
Tiến độ: 70%

Nhiệm vụ: NV02
Tình trạng: Đang thực hiện
Tiến độ: 38%

Xin sửa lại: NV01 tiến độ 75% (em gõ nhầm ở trên).

Nguyễn Văn An
""", acc("Cùng nhiệm vụ hai lần trong một thư, lần sau nói rõ là sửa: 75", [
    rep("SKHCN", "daily", "2026-11-20", {
        "NV01": {"status": "in_progress", "progress": 75},
        "NV02": {"status": "in_progress", "progress": 38}})]))

case("stc_hai_lan_khong_noi_sua", "stc@binhdinh.gov.vn", "Trần Thị Bích Ngọc",
     "Sở Tài chính - BC ngày 23/11/2026", t(2026, 11, 23, 15, 35), """\
Sở Tài chính báo cáo ngày 23/11/2026.

Nhiệm vụ: NV04
Tình trạng: Đang thực hiện
Tiến độ: 80%
Kết quả: Đã trình UBND tỉnh dự thảo quyết định phân bổ kinh phí.

Nhiệm vụ: NV04
Tiến độ: 85%
Kết quả: Đã tiếp thu ý kiến của Sở KH&CN.

Trần Thị Bích Ngọc
""", acc("Cùng nhiệm vụ hai khối, hai con số khác nhau, không nói cái nào đúng: tiến độ không chắc", [
    rep("STC", "daily", "2026-11-23", {
        "NV04": {"status": "in_progress"}},
        uncertain=[("NV04", "progress")])]))

# ---------------------------------------------------------------- day-by-day weekly figures

case("syt_tuan_tung_ngay", "syt@binhdinh.gov.vn", "Huỳnh Thị Mai",
     "Báo cáo tuần 47/2026 - Sở Y tế", t(2026, 11, 20, 16, 20), """\
Đơn vị: SYT
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 47/2026

Nhiệm vụ: NV09
Tình trạng: Đang thực hiện
Tiến độ trong tuần: thứ Hai 40%, thứ Ba 45%, thứ Tư 50%, thứ Năm 55%, thứ Sáu 60%.
Kết quả: Bệnh viện Y học cổ truyền và Bệnh viện Tâm thần bắt đầu dùng bệnh án điện tử.

Huỳnh Thị Mai
""", acc("Báo cáo tuần liệt kê từng ngày; tiến độ của tuần là số cuối tuần (thứ Sáu 60%)", [
    rep("SYT", "weekly", "2026-W47", {
        "NV09": {"status": "in_progress", "progress": 60}})]))

case("snv_tuan_tung_ngay_du_kien", "snv@binhdinh.gov.vn", "Võ Thanh Hải",
     "Báo cáo tuần 48/2026 - Sở Nội vụ (gửi sớm)", t(2026, 11, 26, 16, 10), """\
Đơn vị: SNV
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 48/2026

Nhiệm vụ: NV08
Tình trạng: Đang thực hiện
Tiến độ: thứ Hai 60%, thứ Tư 63%, thứ Năm 66% (thứ Ba nghỉ lễ); dự kiến thứ Sáu đạt 70%.
Ghi chú: Ngày mai (27/11) cán bộ đầu mối đi công tác nên Sở gửi báo cáo tuần sớm.

Võ Thanh Hải
""", acc("Báo cáo tuần gửi thứ Năm, từng ngày đến thứ Năm 66%, thứ Sáu 70% chỉ là dự kiến: 66", [
    rep("SNV", "weekly", "2026-W48", {
        "NV08": {"status": "in_progress", "progress": 66}})]))

# ---------------------------------------------------------------- pipe tables

case("skhcn_bang_ong_dung", "skhcn@binhdinh.gov.vn", "Nguyễn Văn An",
     "Báo cáo tuần 48/2026 - Sở KH&CN", t(2026, 11, 27, 15, 10), """\
Đơn vị: SKHCN
Loại báo cáo: Tuần
Kỳ báo cáo: Tuần 48/2026

| Mã nhiệm vụ | Tình trạng | Tiến độ (%) | Kết quả |
|---|---|---|---|
| NV01 | Đang thực hiện | 78% | Sở Tư pháp đã có báo cáo thẩm định |
| NV02 | Đang thực hiện | 42% | Tổng hợp kết quả khảo sát |
| NV03 | Chưa thực hiện | 0% | |

Nguyễn Văn An
""", acc("Bảng viết bằng dấu | có dòng tiêu đề và dòng ---", [
    rep("SKHCN", "weekly", "2026-W48", {
        "NV01": {"status": "in_progress", "progress": 78, "result_contains": "thẩm định"},
        "NV02": {"status": "in_progress", "progress": 42},
        "NV03": {"status": "not_started", "progress": 0}})]))

case("xtp_bang_ong_khong_tieu_de", "vanphong.xa@binhdinh.gov.vn", "Lê Thị Thanh",
     "BC ngày 13/11/2026 - UBND xã Tuy Phước", t(2026, 11, 13, 15, 0), """\
Đơn vị: UBND xã Tuy Phước
Kỳ báo cáo: 13/11/2026

| NV12 | Đang thực hiện | 85% |
| NV13 | Đang thực hiện | 40% |

Lê Thị Thanh
""", acc("Hộp thư chung, đơn vị ghi rõ; bảng dấu | không có dòng tiêu đề", [
    rep("XTP", "daily", "2026-11-13", {
        "NV12": {"status": "in_progress", "progress": 85},
        "NV13": {"status": "in_progress", "progress": 40}})]))

# ---------------------------------------------------------------- subject and body disagree

case("cat_tieu_de_ngay_cu", "pc06.cat@binhdinh.gov.vn", "Lê Minh Tuấn",
     "Báo cáo ngày 19/11/2026 - Công an tỉnh", t(2026, 11, 20, 15, 40), """\
Đơn vị: CAT
Loại báo cáo: Ngày
Kỳ báo cáo: 20/11/2026

Nhiệm vụ: NV05
Tình trạng: Đang thực hiện
Tiến độ: 87%

Nhiệm vụ: NV06
Tình trạng: Đang thực hiện
Tiến độ: 63%
""", acc("Tiêu đề chép từ thư hôm qua (19/11), thân thư ghi kỳ 20/11 và thư đến ngày 20/11: kỳ là 20/11", [
    rep("CAT", "daily", "2026-11-20", {
        "NV05": {"status": "in_progress", "progress": 87},
        "NV06": {"status": "in_progress", "progress": 63}})]))

case("sxd_tieu_de_tuan_cu", "sxd@binhdinh.gov.vn", "Ngô Văn Bình",
     "Báo cáo tuần 47 - Sở Xây dựng", t(2026, 11, 27, 14, 30), """\
SỞ XÂY DỰNG
BÁO CÁO TUẦN
(từ ngày 23/11 đến ngày 27/11/2026)

1. NV10 - Số hóa dữ liệu hạ tầng giao thông và lắp camera giám sát các nút giao
- Tình trạng: Đang thực hiện
- Tiến độ: 85%
- Kết quả: Kết nối thêm 1 nút giao về Trung tâm; hoàn thành số hóa 320 km đường tỉnh.

Ngô Văn Bình
""", acc("Tiêu đề 'tuần 47' (chép lại), thân thư ghi khoảng 23/11-27/11 = tuần 48, gửi thứ Sáu 27/11", [
    rep("SXD", "weekly", "2026-W48", {
        "NV10": {"status": "in_progress", "progress": 85}})]))

case("xpc_cau_hoi_van_xuoi", "phucat@binhdinh.gov.vn", "UBND xã Phù Cát",
     "Xã Phù Cát báo cáo ngày 27/11/2026", t(2026, 11, 27, 15, 50), """\
UBND xã Phù Cát báo cáo ngày 27/11/2026:

Nhiệm vụ NV14: đang thực hiện, đạt 75%.
Nhiệm vụ NV15: đang thực hiện, đạt 30%. Xã đề nghị Tổ công tác cho ý kiến về việc tiểu thương tại chợ Gồm có được miễn phí giao dịch qua mã QR trong năm đầu hay không?

Văn phòng UBND xã Phù Cát
""", acc("Khó khăn viết thành câu hỏi trong đoạn văn; trạng thái và tiến độ trên dòng nhiệm vụ", [
    rep("XPC", "daily", "2026-11-27", {
        "NV14": {"status": "in_progress", "progress": 75},
        "NV15": {"status": "in_progress", "progress": 30}})]))

# ---------------------------------------------------------------- not a focal point

case("nguoi_la_gmail", "thanh.tuyphuoc86@gmail.com", "Le Thanh",
     "BC ngày 30/11/2026 xã Tuy Phước", t(2026, 11, 30, 15, 20), """\
Đơn vị: UBND xã Tuy Phước
Kỳ báo cáo: 30/11/2026

Nhiệm vụ: NV12
Tình trạng: Đang thực hiện
Tiến độ: 95%

(Em gửi tạm từ mail cá nhân vì mail công vụ bị lỗi ạ)
""", {"description": "Đầu mối gửi từ Gmail cá nhân chưa có trong danh sách: từ chối",
      "outcome": "rejected", "codes": ["unknown_sender"]})


def build(c, n):
    msg = EmailMessage(policy=default)
    when = c["when"]
    sent = when - dt.timedelta(minutes=c["offset"])
    domain = c["sender"].split("@")[1]
    msg["Return-Path"] = f"<{c['sender']}>"
    msg["Received"] = (f"from mail.{domain} (mail.{domain} [10.20.1.{10 + n}]) by "
                       f"mx.binhdinh.gov.vn with ESMTPS id G{n:03d}x; {format_datetime(when)}")
    msg["From"] = formataddr((c["name"], c["sender"]))
    msg["To"] = GATEWAY
    msg["Subject"] = c["subject"]
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<{sent.strftime('%Y%m%d%H%M%S')}.G{n:03d}.{c['slug'][:12]}@{domain}>"
    msg["MIME-Version"] = "1.0"
    if "gmail" not in domain:
        msg["X-Mailer"] = "Zimbra 8.8.15_GA (ZimbraWebClient - GC130 (Win)/8.8.15_GA)"
    for k, v in c["extra"].items():
        msg[k] = v
    msg.set_content(c["body"], charset="utf-8")
    return msg


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("G[0-9][0-9][0-9]_*"):
        old.unlink()
    for n, c in enumerate(CASES, 1):
        name = f"G{n:03d}_{c['slug']}"
        (OUT / f"{name}.eml").write_bytes(build(c, n).as_bytes())
        exp = {"description": c["expected"]["description"],
               "received_at": c["when"].isoformat()}
        exp.update({k: v for k, v in c["expected"].items() if k != "description"})
        (OUT / f"{name}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases written to {OUT}")


if __name__ == "__main__":
    main()
