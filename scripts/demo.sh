#!/usr/bin/env bash
# Install Kênh báo cáo in a virtual environment and run the demo province through the real
# pipeline (Maildir inbox, directory outbox, SQLite, static site). Needs only Python 3.11+.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh ""
.venv/bin/baocao demo "$@"
