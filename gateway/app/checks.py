"""`baocao check`: config and lists, the 5 rõ of every task, and the mail servers."""

from __future__ import annotations

from gateway.app import template_check
from gateway.app.instance import Instance
from gateway.app.lists import five_ro_problems, office_problems, reference_problems
from gateway.errors import UserError


def run_checks(inst: Instance, offline: bool = False) -> int:
    cfg = inst.cfg
    problems = 0
    print(f"config: {cfg.path} OK")
    d = inst.directory
    print(f"units: {len(d.units)}, tasks: {len(d.tasks)}"
          + (f", agencies: {len(d.agencies)}" if cfg.lists.agencies else "")
          + (f", obligations: {len(d.obligations)}" if cfg.lists.obligations else ""))
    emails: dict[str, list[str]] = {}
    for u in d.units:
        if not u.emails:
            print(f"  unit {u.code}: no focal-point address (it cannot report)")
            problems += 1
        for e in u.emails:
            emails.setdefault(e, []).append(u.code)
    for e, codes in emails.items():
        if len(codes) > 1:
            print(f"  note: {e} serves {', '.join(codes)}: its reports must name the unit")
    bad = five_ro_problems(d)
    for line in bad:
        print(f"  5 rõ: {line}")
    problems += len(bad)
    refs = reference_problems(d) + office_problems(d, cfg.difficulties.office)
    for line in refs:
        print(f"  list: {line}")
    problems += len(refs)
    if cfg.mail.source == "imap" and cfg.mail.auth_policy == "none":
        print('  warning: mail.auth_policy = "none" with an IMAP mailbox: anyone can forge a focal point\'s '
              'From; set "dmarc" and trusted_authserv_ids to your receiving server\'s authserv-id')
    overrides = template_check.override_files(inst)
    if inst.theme.override is not None:
        broken = template_check.compile_problems(inst)
        if not broken:
            broken = template_check.render_problems(inst, inst.now())
        for line in broken:
            print(f"  template: {line}")
        problems += len(broken)
        print(f"templates: {len(overrides)} override(s) in {inst.theme.override}: "
              + ("OK" if not broken else f"{len(broken)} problem(s)"))
    if not offline:
        for name, fn in (("imap", _check_imap), ("smtp", _check_smtp)):
            try:
                msg = fn(inst)
            except Exception as exc:  # noqa: BLE001 - report any connection problem as one line
                print(f"{name}: FAILED: {exc}")
                problems += 1
            else:
                if msg:
                    print(f"{name}: {msg}")
    print("OK" if not problems else f"{problems} problem(s)")
    return 0 if not problems else 1


def _check_imap(inst: Instance) -> str:
    if inst.cfg.mail.source != "imap":
        return f"not used (Maildir {inst.cfg.resolve(inst.cfg.mail.maildir)})"
    from gateway.mail.sources.imap import check_connection

    return check_connection(inst.cfg)


def _check_smtp(inst: Instance) -> str:
    if inst.cfg.mail.sink != "smtp":
        return f"not used (directory outbox {inst.cfg.resolve(inst.cfg.mail.outbox_dir)})"
    try:
        from gateway.mail.sinks.smtp import check_connection
    except ImportError as exc:
        raise UserError("SMTP sink not available") from exc
    return check_connection(inst.cfg)
