#!/usr/bin/env bash
# Install every test need — Dovecot (IMAP), Debian's Chromium, the Python packages — and run the
# whole suite: ruff, mypy (gateway, parsers, site_builder), then pytest against a real Dovecot, a
# real aiosmtpd and a real Chromium (the architecture test and the wheel test are among them).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v openssl >/dev/null || need+=(openssl)
command -v systemd-analyze >/dev/null || need+=(systemd)  # checks the shipped unit (verify, security)
# The formal report is checked as a person reads it: LibreOffice renders the .docx to PDF,
# poppler reads its pages back (text, page images); Liberation fonts stand in for Times New Roman.
command -v soffice >/dev/null || need+=(libreoffice-writer)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
. scripts/venv.sh "[test]"
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
