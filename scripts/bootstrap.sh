#!/usr/bin/env bash
# Prepare this checkout: system packages (Debian/Ubuntu), a virtual environment in .venv with
# Wufu's Python dependencies. Safe to run again; it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < scripts/debian-packages.txt
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  local python="${PYTHON:-python3}"
  [[ -x .venv/bin/python ]] || "$python" -m venv .venv
  local stamp=.venv/.wufu-installed
  local wanted
  wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat $stamp)" != "$wanted" ]]; then
    echo "Installing Python packages into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test,build]"
    echo "$wanted" > $stamp
  fi
}

install_system_packages
install_python_packages
