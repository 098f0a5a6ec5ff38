"""Edits of Jicofo's config: the HOCON `jicofo.conf` and the old `sip-communicator.properties`.

Both tell Jicofo that opening a room needs an XMPP login on the meeting domain. The HOCON
edit works on tokens with their offsets, then checks its own result with a real HOCON
parser, since a block at the wrong level would be silently ignored by Jicofo.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pyhocon import ConfigFactory
from pyhocon.exceptions import ConfigException

from hardening.prosody import EditError
from hardening.text import body, ending, newline_of, split_lines


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str  # "word", "string", "comment", "newline", "punct"
    text: str


_WORD = re.compile(r"""(?:[^\s{}\[\]:=,"#/+]|/(?!/))+""")


def tokenize(text: str) -> list[Token]:
    tokens = []
    at = 0
    while at < len(text):
        char = text[at]
        if char in "\r\n":
            end = at + 2 if text.startswith("\r\n", at) else at + 1
            tokens.append(Token(at, end, "newline", "\n"))
            at = end
        elif char.isspace():
            at += 1
        elif char == "#" or text.startswith("//", at):
            end = at
            while end < len(text) and text[end] not in "\r\n":
                end += 1
            tokens.append(Token(at, end, "comment", text[at:end]))
            at = end
        elif text.startswith('"""', at):
            end = text.find('"""', at + 3)
            if end < 0:
                raise EditError('a """ string is never closed')
            tokens.append(Token(at, end + 3, "string", text[at + 3 : end]))
            at = end + 3
        elif char == '"':
            end = at + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if end >= len(text):
                raise EditError("a string is never closed")
            tokens.append(Token(at, end + 1, "string", text[at + 1 : end]))
            at = end + 1
        elif char in "{}[]:=,+":
            tokens.append(Token(at, at + 1, "punct", char))
            at += 1
        else:
            match = _WORD.match(text, at)
            tokens.append(Token(at, match.end(), "word", match.group()))
            at = match.end()
    return tokens


def _significant(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind not in ("comment",)]


def _object_after_key(tokens: list[Token], index: int) -> int | None:
    """Index of the `{` that opens the value of the key at `index`, if it is an object."""
    at = index + 1
    while at < len(tokens) and tokens[at].kind == "newline":
        at += 1
    if at < len(tokens) and tokens[at].text in (":", "="):
        at += 1
        while at < len(tokens) and tokens[at].kind == "newline":
            at += 1
    if at < len(tokens) and tokens[at].text == "{":
        return at
    return None


def _matching(tokens: list[Token], open_at: int) -> int:
    depth = 0
    for index in range(open_at, len(tokens)):
        if tokens[index].kind != "punct":
            continue
        if tokens[index].text in "{[":
            depth += 1
        elif tokens[index].text in "}]":
            depth -= 1
            if depth == 0:
                return index
    raise EditError("a { is never closed")


def _keys(tokens: list[Token], first: int, last: int, key: str) -> list[int]:
    """Indices of `key` used as a key directly inside tokens[first:last]."""
    found, depth = [], 0
    at_key_position = True
    for index in range(first, last):
        token = tokens[index]
        if token.kind == "punct" and token.text in "{[":
            depth += 1
            at_key_position = token.text == "{"
            continue
        if token.kind == "punct" and token.text in "}]":
            depth -= 1
            at_key_position = False
            continue
        if token.kind == "newline" or token.text == ",":
            at_key_position = True
            continue
        if (
            depth == 0
            and at_key_position
            and token.kind in ("word", "string")
            and token.text == key
        ):
            found.append(index)
        at_key_position = False
    return found


def _value_span(tokens: list[Token], key_at: int) -> tuple[int, int]:
    """Offsets of a simple (one-line) value that follows the key at `key_at`."""
    at = key_at + 1
    if tokens[at].text in (":", "="):
        at += 1
    first = at
    while at < len(tokens) and tokens[at].kind in ("word", "string"):
        at += 1
    if at == first:
        raise EditError(f"the value of {tokens[key_at].text} is not a simple value")
    return tokens[first].start, tokens[at - 1].end


def _line_indent(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    return prefix[: len(prefix) - len(prefix.lstrip(" \t"))]


def _child_indent(text: str, tokens: list[Token], open_at: int, close_at: int) -> str:
    """The indentation of the first line inside an object, or its own plus two spaces."""
    for index in range(open_at + 1, close_at):
        if tokens[index - 1].kind == "newline" and tokens[index].kind != "newline":
            return _line_indent(text, tokens[index].start)
    return _line_indent(text, tokens[open_at].start) + "  "


@functools.lru_cache(maxsize=16)
def _parse_hocon(text: str):
    """pyhocon's reading of a text, kept: a run reads the same jicofo.conf several times
    (planning, checking, each host of a fleet), and pyhocon is slow. Read-only use."""
    return ConfigFactory.parse_string(text)


# Known shortcoming: `include` files are resolved from the current directory, not beside
# jicofo.conf, and `${?X}` substitutions inside the jicofo object are refused.
def set_authentication(text: str, domain: str) -> str:
    """Enable XMPP authentication against the meeting domain inside the `jicofo` object."""
    wanted = {"enabled": "true", "type": "XMPP", "login-url": f'"{domain}"'}
    try:
        before = _parse_hocon(text) if text.strip() else None
    except Exception as error:  # pyhocon raises several unrelated types
        raise EditError(f"not HOCON that can be read: {error}") from None
    if before is not None and _auth_is(before, domain):
        return text

    newline = newline_of(text)
    tokens = _significant(tokenize(text))
    roots = [i for i in _keys(tokens, 0, len(tokens), "jicofo") if _object_after_key(tokens, i)]
    if not roots:
        block = _auth_block("  ", "    ", wanted, newline)
        prefix = "" if not text or text.endswith(("\n", "\r")) else newline
        result = f"{text}{prefix}jicofo {{{newline}{block}}}{newline}"
        return _checked(result, domain)

    open_at = _object_after_key(tokens, roots[0])
    close_at = _matching(tokens, open_at)
    auth_keys = [
        i
        for i in _keys(tokens, open_at + 1, close_at, "authentication")
        if _object_after_key(tokens, i)
    ]
    if not auth_keys:
        indent = _child_indent(text, tokens, open_at, close_at)
        step = indent[len(_line_indent(text, tokens[open_at].start)) :] or "  "
        inner = indent + step
        block = _auth_block(indent, inner, wanted, newline)
        close = tokens[close_at]
        line_start = text.rfind("\n", 0, close.start) + 1
        if text[line_start : close.start].strip():
            result = text[: close.start] + newline + block + text[close.start :]
        else:
            result = text[:line_start] + block + text[line_start:]
        return _checked(result, domain)

    auth_open = _object_after_key(tokens, auth_keys[0])
    auth_close = _matching(tokens, auth_open)
    edits = []
    missing = []
    for key, value in wanted.items():
        found = _keys(tokens, auth_open + 1, auth_close, key)
        if not found:
            missing.append(f"{key}: {value}")
            continue
        start, end = _value_span(tokens, found[-1])
        if text[start:end].strip('"') != value.strip('"'):
            edits.append((start, end, value))
    if missing:
        indent = _child_indent(text, tokens, auth_open, auth_close)
        close = tokens[auth_close]
        line_start = text.rfind("\n", 0, close.start) + 1
        lines = "".join(f"{indent}{line}{newline}" for line in missing)
        if text[line_start : close.start].strip():
            edits.append((close.start, close.start, newline + lines))
        else:
            edits.append((line_start, line_start, lines))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return _checked(text, domain)


def _auth_block(indent: str, inner: str, wanted: dict[str, str], newline: str) -> str:
    lines = [f"{indent}authentication: {{"]
    lines += [f"{inner}{key}: {value}" for key, value in wanted.items()]
    lines.append(f"{indent}}}")
    return "".join(line + newline for line in lines)


def _auth_is(config, domain: str) -> bool:
    try:
        auth = config.get_config("jicofo.authentication")
    except (ConfigException, KeyError, AttributeError, TypeError):
        return False
    return (
        auth.get("enabled", None) is True
        and str(auth.get("type", "")).upper() == "XMPP"
        and auth.get("login-url", None) == domain
    )


def _checked(text: str, domain: str) -> str:
    try:
        parsed = _parse_hocon(text)
    except Exception as error:  # pyhocon raises several unrelated types
        raise EditError(f"the edit would not parse as HOCON ({error})") from None
    if not _auth_is(parsed, domain):
        raise EditError(
            "jicofo.authentication is set in a form this edit does not recognise "
            "(dotted keys or substitutions); set it by hand or remove it"
        )
    return text


AUTH_URL_KEY = "org.jitsi.jicofo.auth.URL"
# Known shortcoming: a space-separated or backslash-continued auth.URL line is not seen.
_AUTH_URL_LINE = re.compile(r"^\s*org\.jitsi\.jicofo\.auth\.URL\s*[=:]")


def properties_auth_url(text: str) -> str | None:
    """The value of the active auth.URL line of sip-communicator.properties, if any."""
    value = None
    for line in split_lines(text):
        if _AUTH_URL_LINE.match(body(line)):
            value = re.split(r"[=:]", body(line), maxsplit=1)[1].strip()
    return value


def set_properties_auth_url(text: str, domain: str, add_if_missing: bool) -> str:
    """Make every active auth.URL line say XMPP:<domain>; add one only when asked to.

    Jicofo reads this file before jicofo.conf, so a stale line here would win.
    """
    wanted = f"{AUTH_URL_KEY}=XMPP:{domain}"
    lines = split_lines(text)
    changed = False
    found = False
    for index, line in enumerate(lines):
        if _AUTH_URL_LINE.match(body(line)):
            found = True
            if body(line).strip() != wanted:
                lines[index] = wanted + ending(line)
                changed = True
    if not found and add_if_missing:
        newline = newline_of(text)
        if lines and not ending(lines[-1]):
            lines[-1] += newline
        lines.append(wanted + newline)
        changed = True
    return "".join(lines) if changed else text
