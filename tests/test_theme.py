"""One theme: the operator's override of a message in messages/vi.toml reaches every place that
shows it — the rejection mail, the receipt, the site's pages, its forms, the per-unit XLSX template
and the charts (before the Theme object, rejections, forms, exports and charts read the bundled
catalogue and ignored the override)."""

from __future__ import annotations

import email
import email.policy
import zipfile
from io import BytesIO
from pathlib import Path

from gateway.app.instance import Instance
from gateway.app.service import poll
from gateway.config import load
from site_builder.theme import Theme, bundled_dir
from tests.helpers import at, deliver_eml, eml, make_instance
from tests.test_skeleton import CANONICAL, SKHCN

OVERRIDE = """
[reasons]
unit_not_allowed = "LÝ DO RIÊNG: địa chỉ này không báo cáo cho đơn vị đó."

[timeliness]
on_time = "ĐÚNG HẠN RIÊNG"

[period_input]
daily = "{day} (theo mẫu riêng)"
"""


def _instance(tmp_path: Path) -> Instance:
    inst = make_instance(tmp_path / "i")
    cfg_file = inst.cfg.path
    assert cfg_file is not None
    cfg_file.write_text(cfg_file.read_text(encoding="utf-8").replace(
        '# templates = "templates"', 'templates = "my-templates"'), encoding="utf-8")
    (tmp_path / "i" / "my-templates" / "messages").mkdir(parents=True)
    (tmp_path / "i" / "my-templates" / "messages" / "vi.toml").write_text(OVERRIDE, encoding="utf-8")
    inst.close()
    return Instance(load(cfg_file))


def _bodies(inst: Instance, purpose: str) -> list[str]:
    rows = inst.store.db.query("SELECT raw FROM outbox WHERE purpose=?", [purpose])
    return [email.message_from_bytes(r["raw"], policy=email.policy.default).get_body().get_content() for r in rows]


def test_an_override_of_a_message_reaches_mail_site_forms_exports_and_charts(tmp_path: Path) -> None:
    inst = _instance(tmp_path)
    assert inst.theme == Theme(tmp_path / "i" / "my-templates")
    wrong_unit = CANONICAL.replace("Đơn vị: SKHCN", "Đơn vị: Công an tỉnh")
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", wrong_unit, message_id="<w@skhcn>"), "w",
                at("2025-05-20 15:40"))
    deliver_eml(inst, eml(SKHCN, "Báo cáo ngày 20/05/2025", CANONICAL, message_id="<ok@skhcn>"), "ok",
                at("2025-05-20 15:45"))
    poll(inst, at("2025-05-20 17:00"))

    (rejection,) = _bodies(inst, "rejection")
    assert "LÝ DO RIÊNG" in rejection  # the reason text
    assert "20/05/2025 (theo mẫu riêng)" in rejection  # the example form's period
    site = inst.cfg.site_output
    unit_page = (site / "don-vi" / "SKHCN.html").read_text(encoding="utf-8")
    assert "ĐÚNG HẠN RIÊNG" in unit_page  # badges, the calendar chart's legend
    assert unit_page.count("ĐÚNG HẠN RIÊNG") >= 2
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "ĐÚNG HẠN RIÊNG" in home  # the status mix chart
    form = (site / "huong-dan" / "mau-SKHCN.txt").read_text(encoding="utf-8")
    assert "Kỳ báo cáo: 20/05/2025 (theo mẫu riêng)" in form
    assert "(theo mẫu riêng)" in (site / "huong-dan" / "SKHCN.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(BytesIO((site / "huong-dan" / "mau-SKHCN.xlsx").read_bytes())) as z:
        assert "(theo mẫu riêng)" in z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    inst.close()


def test_the_bundled_theme_is_found_through_the_package(tmp_path: Path) -> None:
    theme = Theme()
    assert (bundled_dir() / "messages" / "vi.toml").is_file()
    assert theme.reason("unknown_sender").startswith("Địa chỉ thư")
    assert theme.period_input("weekly", "2025-W21") == "Tuần 21/2025"
    assert "static/style.css" in {f"static/{k}" for k in theme.static_files()}
    # Equal themes share one compiled environment; a different folder gets its own.
    assert Theme().environment() is theme.environment()
    assert Theme(tmp_path).environment() is not theme.environment()
