#!/usr/bin/env bash
# Run the whole test suite: lint, unit and golden tests, the end-to-end tests and the fault
# matrix on disposable test hosts (skipped, with the reason shown, where they cannot run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Lint the project's own files: an inventory of yours copied beside them is not checked.
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t sources < <(git ls-files '*.py')
else
  sources=(.)
fi
.venv/bin/ruff check "${sources[@]}"
.venv/bin/ruff format --check "${sources[@]}"
exec .venv/bin/pytest "$@"
