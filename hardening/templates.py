"""The files this deploy owns entirely, rendered from templates/ with jinja2.

Undefined variables are errors, so a template never renders half-filled.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    autoescape=False,
)
_environment.filters["shquote"] = shlex.quote


def render(name: str, **values: object) -> str:
    """The text of templates/<name> filled with `values`."""
    return _environment.get_template(name).render(**values)
