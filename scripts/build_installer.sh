#!/usr/bin/env bash
# Build the Wufu bundle with PyInstaller: one folder DIST/wufu/ with two programs,
#   wufu        the desktop application
#   wufu-admin  the administration command line (init, check, backup, demo, import, export …)
#
#   bash scripts/build_installer.sh [--distpath DIR] [--workpath DIR] [--no-bootstrap]
#                                                                   (defaults: dist/ build/)
#
# Copy or zip the whole folder; neither program works without its _internal/ folder beside it.
# PyInstaller does not cross-compile: build the Windows bundle on Windows (see installer.spec).
set -euo pipefail
cd "$(dirname "$0")/.."

distpath=dist
workpath=build
bootstrap=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --distpath) distpath="$2"; shift 2 ;;
    --distpath=*) distpath="${1#*=}"; shift ;;
    --workpath) workpath="$2"; shift 2 ;;
    --workpath=*) workpath="${1#*=}"; shift ;;
    --no-bootstrap) bootstrap=0; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

[[ $bootstrap -eq 1 ]] && bash scripts/bootstrap.sh
python=.venv/bin/python
[[ -x $python ]] || python=.venv/Scripts/python.exe  # Git Bash on Windows (with --no-bootstrap)

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$distpath" --workpath "$workpath" installer.spec
elapsed=$(( $(date +%s) - start ))

bundle="$distpath/wufu"
echo "Built $bundle in ${elapsed}s: $(du -sh "$bundle" | cut -f1) on disk, $(find "$bundle" -type f | wc -l) files"
echo "  GUI:   $bundle/wufu [--db PATH] [--lang zh_CN|en]"
echo "  Admin: $bundle/wufu-admin [--db PATH] init|check|backup|demo …"
