#!/usr/bin/env bash
# Start Wufu on its embedded default database (or pass --db PATH, --lang en, …).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python main.py "$@"
