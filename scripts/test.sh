#!/usr/bin/env bash
# Run Wufu's whole test suite (installs what it needs first). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
# pytest exits 5 when it collected no tests: that is a failure here too (non-zero).
exec .venv/bin/python -m pytest -q "$@"
