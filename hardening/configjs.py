"""Edit of Jitsi Meet's `config.js`: the guest domain in the `hosts` block.

config.js is JavaScript that admins edit by hand, so the edit works on tokens (strings,
comments, punctuation) with their offsets, and splices new text in at exact places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardening.prosody import EditError
from hardening.text import newline_of


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str  # "name", "string", "comment", "punct", "other"
    text: str


_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def tokenize(text: str) -> list[Token]:
    """Split JavaScript into tokens; white space is dropped, comments are kept."""
    tokens = []
    at = 0
    while at < len(text):
        char = text[at]
        if char.isspace():
            at += 1
        elif text.startswith("//", at):
            end = _line_end(text, at)
            tokens.append(Token(at, end, "comment", text[at:end]))
            at = end
        elif text.startswith("/*", at):
            end = text.find("*/", at + 2)
            if end < 0:
                raise EditError("a /* comment is never closed")
            tokens.append(Token(at, end + 2, "comment", text[at : end + 2]))
            at = end + 2
        elif char in "'\"`":
            end = _string_end(text, at)
            tokens.append(Token(at, end, "string", text[at + 1 : end - 1]))
            at = end
        elif match := _NAME.match(text, at):
            tokens.append(Token(at, match.end(), "name", match.group()))
            at = match.end()
        elif char in "{}[](),:;=":
            tokens.append(Token(at, at + 1, "punct", char))
            at += 1
        else:
            tokens.append(Token(at, at + 1, "other", char))
            at += 1
    return tokens


def _line_end(text: str, at: int) -> int:
    ends = [i for i in (text.find("\n", at), text.find("\r", at)) if i >= 0]
    return min(ends) if ends else len(text)


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    at = start + 1
    while at < len(text):
        if text[at] == "\\":
            at += 2
            continue
        if text[at] == quote:
            return at + 1
        if text[at] in "\r\n" and quote != "`":
            break
        at += 1
    raise EditError(f"a string starting {text[start : start + 30]!r} is never closed")


def _code(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind != "comment"]


def _hosts_object(code: list[Token]) -> tuple[int, int]:
    """Indices in `code` of the `{` and `}` of the `hosts: { ... }` object."""
    for index in range(len(code) - 2):
        if code[index].text == "hosts" and code[index + 1].text == ":":
            if code[index + 2].text != "{":
                break
            depth = 0
            for close in range(index + 2, len(code)):
                if code[close].text in "{[(" and code[close].kind == "punct":
                    depth += 1
                elif code[close].text in "}])" and code[close].kind == "punct":
                    depth -= 1
                    if depth == 0:
                        return index + 2, close
            raise EditError("the hosts: { ... } block is never closed")
    raise EditError("no hosts: { ... } block found")


def _keys_at_top(code: list[Token], open_at: int, close_at: int, key: str) -> list[int]:
    """Indices of `key:` properties directly inside the object (not in nested ones)."""
    found, depth = [], 0
    for index in range(open_at + 1, close_at):
        token = code[index]
        if token.kind == "punct" and token.text in "{[(":
            depth += 1
        elif token.kind == "punct" and token.text in "}])":
            depth -= 1
        elif (
            depth == 0
            and token.text == key
            and token.kind in ("name", "string")
            and code[index + 1].text == ":"
            and code[index - 1].text in ("{", ",")
        ):
            found.append(index)
    return found


def anonymous_domain(text: str) -> str | None:
    """The active `hosts.anonymousdomain` value, or None."""
    code = _code(tokenize(text))
    open_at, close_at = _hosts_object(code)
    found = _keys_at_top(code, open_at, close_at, "anonymousdomain")
    if not found:
        return None
    value = code[found[-1] + 2]
    return value.text if value.kind == "string" else None


# Known shortcoming: an expression as `domain` or as a stale value, a `hosts:` key in an
# earlier object, and regex literals with quotes are not understood and may be mis-edited.
def set_anonymous_domain(text: str, guest: str) -> str:
    """Make `hosts` hold `anonymousdomain: '<guest>'` exactly once.

    A stale value is replaced; otherwise the stock commented line becomes the active one,
    and a comma is added after the previous property where it lacks one.
    """
    tokens = tokenize(text)
    code = _code(tokens)
    open_at, close_at = _hosts_object(code)
    found = _keys_at_top(code, open_at, close_at, "anonymousdomain")
    new_value = f"'{guest}'"

    if found:
        edits = []
        first = code[found[0] + 2]
        if first.kind != "string":
            raise EditError("hosts.anonymousdomain is not a plain string")
        if first.text != guest:
            edits.append((first.start, first.end, new_value))
        for extra in found[1:]:
            edits.append(_property_span(text, code, extra, close_at))
        return _splice(text, edits)

    open_brace, close_brace = code[open_at], code[close_at]
    commented = [
        t
        for t in tokens
        if t.kind == "comment"
        and open_brace.start < t.start < close_brace.start
        and re.match(r"//\s*anonymousdomain\s*:", t.text)
    ]
    property_text = f"anonymousdomain: {new_value},"
    if commented:
        target = commented[0]
        previous = max((t for t in code if t.end <= target.start), key=lambda t: t.end)
        edits = [(target.start, target.end, property_text)]
        if previous.text not in ("{", ","):
            edits.append((previous.end, previous.end, ","))
        return _splice(text, edits)

    # No trace of the key: put it on a line of its own after `domain`, or first in the block.
    newline = newline_of(text)
    domain_keys = _keys_at_top(code, open_at, close_at, "domain")
    if domain_keys:
        value = code[domain_keys[0] + 2]
        follower = code[domain_keys[0] + 3]
        comma = "" if follower.text == "," else ","
        anchor = follower.end if follower.text == "," else value.end
        line_end = _line_end(text, anchor)
        rest = text[anchor:line_end].strip()
        line_start = text.rfind("\n", 0, value.start) + 1
        indent = text[line_start : code[domain_keys[0]].start]
        if (not rest or rest.startswith("//")) and not indent.strip():
            tail = text[anchor:line_end]
            new_text = f"{comma}{tail}{newline}{indent}{property_text}"
            return _splice(text, [(anchor, line_end, new_text)])
        return _splice(text, [(anchor, anchor, f"{comma} {property_text}")])
    return _splice(text, [(open_brace.end, open_brace.end, f" {property_text}")])


def _property_span(text: str, code: list[Token], index: int, close_at: int):
    """The span of a duplicate property to delete, its line included when alone on it."""
    end_index = index + 2
    while end_index + 1 < close_at and code[end_index + 1].text != ",":
        end_index += 1
    end = code[end_index + 1].end if code[end_index + 1].text == "," else code[end_index].end
    start = code[index].start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return line_start, line_end + 1, ""
    return start, end, ""


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
