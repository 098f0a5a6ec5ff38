"""Rewrite a golden case's after/ from the renderer, and print the diff to review.

    python -m tests.update_golden 2024

Read every line of the diff before committing it: after/ is the specification.
"""

import difflib
import shutil
import sys
from pathlib import Path

import render

GOLDEN = Path(__file__).parent / "golden"


def main(case: str) -> None:
    before, after = GOLDEN / case / "before", GOLDEN / case / "after"
    files = render.render(str(before), "meet.example.org", None)
    for path, text in sorted(files.items()):
        old_path = after / path.lstrip("/")
        if not old_path.exists():
            old_path = before / path.lstrip("/")
        old = old_path.read_bytes().decode() if old_path.exists() else ""
        sys.stdout.writelines(
            difflib.unified_diff(old.splitlines(True), text.splitlines(True), str(old_path), path)
        )
    shutil.rmtree(after, ignore_errors=True)
    render.write(str(after), files)


if __name__ == "__main__":
    main(sys.argv[1])
