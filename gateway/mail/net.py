"""Small network facts shared by the IMAP source and the SMTP sink."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """Clear-text mail protocols are allowed only to this machine."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
