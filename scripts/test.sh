#!/usr/bin/env bash
# Run the whole test suite: lint, unit and golden tests, then the end-to-end tests on the
# disposable test host (skipped, with the reason shown, where it cannot run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/pytest "$@"
