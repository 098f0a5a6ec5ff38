"""A small reader for Prosody's Lua config files, precise enough to edit them in place.

Prosody's config is Lua, but a Jitsi vhost file only uses a few shapes: `VirtualHost "x"`
and `Component "x" "module"` headers, and `key = value` statements whose values are
strings, booleans, numbers or tables. This module tokenises that subset, tracks comments
(line and long), strings and table depth, and remembers where every token sits, so that an
edit can replace exactly the bytes of one value and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hardening.text import body, split_lines


class LuaSyntaxError(ValueError):
    """The file is not Lua this reader understands (an unclosed string, table or comment)."""


@dataclass(frozen=True)
class Token:
    line: int  # index of the line the token starts on
    start: int  # column of its first character
    end: int  # column after its last character (on the same line)
    kind: str  # "name", "string", "number", "op"
    text: str  # the source text; for strings, the value between the quotes
    depth: int  # table nesting depth at the token ({ and } carry the outer depth)


@dataclass(frozen=True)
class Comment:
    line: int
    start: int
    text: str  # the comment without its leading "--"


@dataclass
class Section:
    """The global part of the file, or one VirtualHost or Component and its statements."""

    kind: str  # "global", "VirtualHost" or "Component"
    name: str | None
    start: int  # first line (the header line for hosts and components)
    end: int  # line after the last one
    tokens: list[Token] = field(default_factory=list)  # the header's tokens excluded
    comments: list[Comment] = field(default_factory=list)


@dataclass(frozen=True)
class Assignment:
    key: Token
    value: Token  # the first token of the value ("{" for a table)
    value_end: Token  # the last token of the value ("}" for a table)


_LONG_OPEN = re.compile(r"\[(=*)\[")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?")


def tokenize(lines: list[str]) -> tuple[list[Token], list[Comment]]:
    """Tokenise Lua source given as lines; strings and comments never span tokens."""
    tokens: list[Token] = []
    comments: list[Comment] = []
    depth = 0
    long_close: str | None = None  # the closing bracket of an open long comment or string
    long_is_comment = False

    for number, raw in enumerate(lines):
        line = body(raw)
        col = 0
        if long_close is not None:
            end = line.find(long_close)
            if end < 0:
                continue
            col = end + len(long_close)
            long_close = None

        while col < len(line):
            char = line[col]
            if char in " \t\f\v":
                col += 1
            elif line.startswith("--", col):
                opener = _LONG_OPEN.match(line, col + 2)
                if opener:
                    close = "]" + opener.group(1) + "]"
                    end = line.find(close, opener.end())
                    if end < 0:
                        long_close, long_is_comment = close, True
                        break
                    col = end + len(close)
                else:
                    comments.append(Comment(number, col, line[col + 2 :]))
                    break
            elif char in "\"'":
                end, value = _read_quoted(line, col)
                tokens.append(Token(number, col, end, "string", value, depth))
                col = end
            elif char == "[" and _LONG_OPEN.match(line, col):
                opener = _LONG_OPEN.match(line, col)
                close = "]" + opener.group(1) + "]"
                end = line.find(close, opener.end())
                if end < 0:
                    # A string over several lines still counts as one token, so that the
                    # statement it ends is seen as ended.
                    tokens.append(Token(number, col, len(line), "string", "", depth))
                    long_close, long_is_comment = close, False
                    break
                value = line[opener.end() : end]
                tokens.append(Token(number, col, end + len(close), "string", value, depth))
                col = end + len(close)
            elif match := _NAME.match(line, col):
                tokens.append(Token(number, col, match.end(), "name", match.group(), depth))
                col = match.end()
            elif match := _NUMBER.match(line, col):
                tokens.append(Token(number, col, match.end(), "number", match.group(), depth))
                col = match.end()
            elif char == "{":
                tokens.append(Token(number, col, col + 1, "op", "{", depth))
                depth += 1
                col += 1
            elif char == "}":
                depth -= 1
                if depth < 0:
                    raise LuaSyntaxError(f"line {number + 1}: '}}' without a matching '{{'")
                tokens.append(Token(number, col, col + 1, "op", "}", depth))
                col += 1
            else:
                width = 2 if line.startswith(("==", "~=", "<=", ">=", ".."), col) else 1
                tokens.append(Token(number, col, col + width, "op", line[col : col + width], depth))
                col += width

    if long_close is not None:
        what = "comment" if long_is_comment else "string"
        raise LuaSyntaxError(f"a long {what} is never closed")
    if depth:
        raise LuaSyntaxError("a table '{' is never closed")
    return tokens, comments


def _read_quoted(line: str, start: int) -> tuple[int, str]:
    quote = line[start]
    col = start + 1
    while col < len(line):
        if line[col] == "\\":
            col += 2
            continue
        if line[col] == quote:
            return col + 1, line[start + 1 : col]
        col += 1
    raise LuaSyntaxError(f"unclosed string starting {line[start : start + 30]!r}")


def sections(lines: list[str]) -> list[Section]:
    """Split the file into its global part and one section per VirtualHost or Component.

    Everything after a header belongs to that host or component up to the next header,
    which is how Prosody itself reads the file.
    """
    tokens, comments = tokenize(lines)
    result = [Section("global", None, 0, len(lines))]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        header = _header_at(tokens, index)
        if header is None:
            result[-1].tokens.append(token)
            index += 1
            continue
        kind, name, after = header
        result[-1].end = token.line
        result.append(Section(kind, name, token.line, len(lines)))
        index = after

    for comment in comments:
        owner = next(s for s in reversed(result) if s.start <= comment.line)
        owner.comments.append(comment)
    return result


def _header_at(tokens: list[Token], index: int) -> tuple[str, str, int] | None:
    token = tokens[index]
    if token.kind != "name" or token.text not in ("VirtualHost", "Component") or token.depth:
        return None
    if index and tokens[index - 1].text in (".", ":", "=", "function"):
        return None
    after = index + 1
    parenthesised = after < len(tokens) and tokens[after].text == "("
    if parenthesised:
        after += 1
    if after >= len(tokens) or tokens[after].kind != "string":
        return None
    name = tokens[after].text
    after += 1
    if parenthesised and after < len(tokens) and tokens[after].text == ")":
        after += 1
    if token.text == "Component" and after < len(tokens) and tokens[after].kind == "string":
        after += 1  # the component's module name
    return token.text, name, after


def assignments(section: Section, key: str) -> list[Assignment]:
    """Every top-level `key = value` statement of a section, in file order."""
    found = []
    tokens = section.tokens
    for index, token in enumerate(tokens):
        if token.kind != "name" or token.text != key or token.depth:
            continue
        if index + 2 >= len(tokens) or tokens[index + 1].text != "=":
            continue
        if index and tokens[index - 1].text in (".", ":"):
            continue
        value = tokens[index + 2]
        value_end = value
        if value.text == "{":
            value_end = next(t for t in tokens[index + 3 :] if t.text == "}" and not t.depth)
        found.append(Assignment(token, value, value_end))
    return found


def table_items(section: Section, assignment: Assignment) -> list[Token]:
    """The tokens directly inside a table value (one level deep), separators excluded."""
    start = section.tokens.index(assignment.value)
    end = section.tokens.index(assignment.value_end)
    inner = assignment.value.depth + 1
    return [t for t in section.tokens[start + 1 : end] if t.depth == inner and t.text not in ",;"]


def find_host(all_sections: list[Section], kind: str, name: str) -> list[Section]:
    return [s for s in all_sections if s.kind == kind and s.name == name]


def parse(text: str) -> tuple[list[str], list[Section]]:
    lines = split_lines(text)
    return lines, sections(lines)
