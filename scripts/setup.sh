#!/usr/bin/env bash
# Install what the project needs on a Debian 12 machine, as root: Debian packages for the
# tests and the disposable test host, and a virtualenv in .venv with the pinned Python
# packages. Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# lua5.4 and nodejs load the edited Prosody file and config.js; fail2ban's own tools test
# the filter and the jail; the fleet test runs a PostgreSQL server of its own (neither
# service is used as installed: they stay off where policy-rc.d forbids starts).
packages=(python3-venv lua5.4 nodejs fail2ban postgresql)
packages+=($(grep -v '^#' tests/testhost/machine-packages.txt 2>/dev/null || true))
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2
fi

if [ ! -x .venv/bin/python ] || ! cmp -s requirements.lock .venv/.requirements.lock; then
  echo "setup: creating .venv from requirements.lock" >&2
  python3 -m venv .venv
  # The machine's pip configuration may name package indexes that are absent here.
  .venv/bin/pip install -q -r requirements.lock 2>&1 | grep -v "^WARNING: Location" >&2 || true
  .venv/bin/python -c "import pyinfra, pyhocon, lupa, slixmpp, pytest"
  cp requirements.lock .venv/.requirements.lock
fi
