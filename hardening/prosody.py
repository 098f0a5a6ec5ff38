"""Edits of Jitsi's Prosody vhost file (`/etc/prosody/conf.avail/<domain>.cfg.lua`).

Each function takes the file's text and returns the new text; it changes only the bytes it
must and returns its input unchanged when the work is already done. They raise EditError
when the file is not a layout they can edit safely.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hardening import lua
from hardening.text import body, ending, indent_of, newline_of

# Providers the meeting host may have before the deploy: Jitsi's stock anonymous ones, and
# Prosody's own password stores (internal_hashed upgrades plain accounts at their next login).
CONVERTIBLE_AUTH = ("anonymous", "jitsi-anonymous", "internal_plain", "internal_hashed")

# Providers that make a host anonymous; either is fine for the guest host.
ANONYMOUS_AUTH = ("anonymous", "jitsi-anonymous")


class EditError(ValueError):
    """The file is not a layout this edit recognises; the message says what was found."""


@dataclass(frozen=True)
class Replacement:
    line: int
    start: int
    end: int
    text: str


def _apply(lines: list[str], replacements: list[Replacement], inserts: dict[int, list[str]]):
    """Replace spans inside lines, then insert whole lines before the given indices."""
    lines = list(lines)
    for rep in sorted(replacements, key=lambda r: (r.line, r.start), reverse=True):
        line = lines[rep.line]
        lines[rep.line] = line[: rep.start] + rep.text + line[rep.end :]
    for index in sorted(inserts, reverse=True):
        lines[index:index] = inserts[index]
    return "".join(lines)


def _parse(text: str) -> tuple[list[str], list[lua.Section]]:
    """The file's lines (a fresh list the caller may change) and its sections (shared:
    read only), from one tokenisation per distinct text."""
    lines, all_sections = _parse_once(text)
    return list(lines), all_sections


@functools.lru_cache(maxsize=32)
def _parse_once(text: str) -> tuple[tuple[str, ...], list[lua.Section]]:
    try:
        lines, all_sections = lua.parse(text)
    except lua.LuaSyntaxError as error:
        raise EditError(f"not Lua that can be edited safely: {error}") from None
    for section in all_sections[1:]:
        first = section.tokens[0] if section.tokens else None
        if first is not None and first.text == "{" and first.line == section.start:
            # Prosody reads `VirtualHost "x" { ... }` as a host whose options end with the
            # table: a statement added after it would be global.
            raise EditError(
                f'layout not recognised: {section.kind} "{section.name}" is written as a '
                f"table (line {section.start + 1})"
            )
    return tuple(lines), all_sections


def _the_host(all_sections: list[lua.Section], name: str) -> lua.Section:
    hosts = lua.find_host(all_sections, "VirtualHost", name)
    if not hosts:
        raise EditError(f'no VirtualHost "{name}" found')
    if len(hosts) > 1:
        raise EditError(f'VirtualHost "{name}" is defined {len(hosts)} times')
    return hosts[0]


def _string_values(host: lua.Section, key: str) -> list[lua.Assignment]:
    found = lua.assignments(host, key)
    for item in found:
        if item.value.kind != "string":
            raise EditError(
                f'{key} of VirtualHost "{host.name}" is not a plain string '
                f"(line {item.key.line + 1})"
            )
    return found


def _quoted(token: lua.Token, value: str, lines: list[str]) -> Replacement:
    """Replace a string token's value, keeping the quote character it had."""
    quote = body(lines[token.line])[token.start]
    if quote not in "\"'":
        quote = '"'
    return Replacement(token.line, token.start, token.end, f"{quote}{value}{quote}")


def _body_indent(lines: list[str], host: lua.Section) -> str:
    for line in lines[host.start + 1 : host.end]:
        if body(line).strip():
            return indent_of(line) or "    "
    return "    "


def host_authentication(text: str, host: str) -> str | None:
    """The authentication provider a VirtualHost uses (the last assignment wins in Lua)."""
    _lines, all_sections = _parse(text)
    found = _string_values(_the_host(all_sections, host), "authentication")
    return found[-1].value.text if found else None


# Known shortcoming: a commented authentication line inside a table of the meeting host is
# taken for a top-level one, and the new line is put inside that table.
def require_login(text: str, domain: str) -> str:
    """Make the meeting domain's VirtualHost authenticate with `internal_hashed`.

    Only that host's authentication statements change; a commented or missing one gets an
    active line beside it. A host using token, LDAP or any other provider is refused.
    """
    lines, all_sections = _parse(text)
    host = _the_host(all_sections, domain)
    found = _string_values(host, "authentication")

    for item in found:
        if item.value.text not in CONVERTIBLE_AUTH:
            raise EditError(
                f'VirtualHost "{domain}" uses authentication = "{item.value.text}" '
                f"(line {item.key.line + 1}); this deploy converts only "
                f"{', '.join(CONVERTIBLE_AUTH)} and does not replace token or LDAP setups"
            )
    if found:
        replacements = [
            _quoted(item.value, "internal_hashed", lines)
            for item in found
            if item.value.text != "internal_hashed"
        ]
        return _apply(lines, replacements, {}) if replacements else text

    # No active line: put one under the commented one, or under the header.
    newline = newline_of(text)
    commented = [
        c
        for c in host.comments
        if re.match(r"\s*authentication\s*=", c.text) and c.start == len(indent_of(lines[c.line]))
    ]
    if commented:
        anchor = commented[-1].line
        indent = indent_of(lines[anchor])
    else:
        anchor = host.start
        indent = _body_indent(lines, host)
    if not ending(lines[anchor]):
        lines[anchor] += newline
    new_line = f'{indent}authentication = "internal_hashed"{newline}'
    return _apply(lines, [], {anchor + 1: [new_line]})


def _statements_end(lines: list[str], section: lua.Section) -> int:
    """The index after a section's last statement: blank lines and unindented comments that
    lead into the next section stay with that section."""
    at = section.end
    while at > section.start + 1:
        previous = body(lines[at - 1])
        # A line comment, unless it opens or closes a long comment (`--[[`, `-- ]]`).
        line_comment = previous.startswith("--") and not re.search(r"\[=*\[|\]=*\]", previous)
        if previous.strip() and not line_comment:
            break
        at -= 1
    return at


def add_guest_host(text: str, domain: str, guest: str, provider: str) -> str:
    """Add the anonymous guest VirtualHost once, right after the meeting host's block.

    It goes before the first Component and never above the global options, since every
    statement after a VirtualHost header belongs to that host. An existing guest host keeps
    its place; only its authentication and encryption settings are corrected.
    """
    lines, all_sections = _parse(text)
    meeting = _the_host(all_sections, domain)
    newline = newline_of(text)

    if lua.find_host(all_sections, "Component", guest):
        raise EditError(f'"{guest}" is already a Component; choose another jitsi_guest_domain')
    existing = lua.find_host(all_sections, "VirtualHost", guest)
    if len(existing) > 1:
        raise EditError(f'VirtualHost "{guest}" is defined {len(existing)} times')
    if existing:
        return _fix_guest_host(text, lines, existing[0], provider, newline)

    first_component = next((s for s in all_sections if s.kind == "Component"), None)
    if first_component is not None and first_component.start < meeting.start:
        raise EditError(
            f'layout not recognised: VirtualHost "{domain}" comes after the first Component '
            f"(line {first_component.start + 1}); a guest host cannot be placed safely"
        )

    at = _statements_end(lines, meeting)
    if not ending(lines[at - 1]):
        lines[at - 1] += newline

    indent = _body_indent(lines, meeting)
    block = [
        f'VirtualHost "{guest}"{newline}',
        f'{indent}authentication = "{provider}"{newline}',
        f"{indent}c2s_require_encryption = false{newline}",
    ]
    if body(lines[at - 1]).strip():
        block.insert(0, newline)
    if at < len(lines) and body(lines[at]).strip():
        block.append(newline)
    return _apply(lines, [], {at: block})


# Known shortcoming: when the guest host's authentication line also opens a table, the
# encryption line is inserted inside that table.
def _fix_guest_host(text, lines, guest_host, provider, newline) -> str:
    replacements = []
    inserts: dict[int, list[str]] = {}
    indent = _body_indent(lines, guest_host)
    anchor = guest_host.start

    auth = _string_values(guest_host, "authentication")
    if auth:
        anchor = auth[-1].key.line
        for item in auth:
            if item.value.text not in ANONYMOUS_AUTH:
                replacements.append(_quoted(item.value, provider, lines))
    else:
        inserts.setdefault(anchor + 1, []).append(f'{indent}authentication = "{provider}"{newline}')

    encryption = lua.assignments(guest_host, "c2s_require_encryption")
    for item in encryption:
        if item.value.text != "false" or item.value_end is not item.value:
            end = item.value_end
            replacements.append(Replacement(item.value.line, item.value.start, end.end, "false"))
    if not encryption:
        inserts.setdefault(anchor + 1, []).append(
            f"{indent}c2s_require_encryption = false{newline}"
        )

    if not replacements and not inserts:
        return text
    for index in inserts:
        if not ending(lines[index - 1]):
            lines[index - 1] += newline
    return _apply(lines, replacements, inserts)


def guest_provider(has_jitsi_module: bool | None, meeting_auth: str | None) -> str:
    """Choose the guest host's anonymous provider.

    Jitsi's own `jitsi-anonymous` (it keeps sessions across reconnects) where the server has
    Jitsi's module; where the plugin directory cannot be seen at all (None), where the
    meeting host itself used it; plain `anonymous` otherwise.
    """
    if has_jitsi_module is None:
        return "jitsi-anonymous" if meeting_auth == "jitsi-anonymous" else "anonymous"
    return "jitsi-anonymous" if has_jitsi_module else "anonymous"


def _insert_at_end(lines: list[str], section: lua.Section, new: list[str], newline: str) -> str:
    at = _statements_end(lines, section)
    if not ending(lines[at - 1]):
        lines[at - 1] += newline
    return _apply(lines, [], {at: new})


def global_option(text: str, key: str) -> str | None:
    """The source text of a one-token option set in the file's global part (the last one)."""
    _lines, all_sections = _parse(text)
    found = lua.assignments(all_sections[0], key)
    return found[-1].value.text if found else None


def set_option(text: str, host: str, key: str, value: str) -> str:
    """Make a VirtualHost's `key` the Lua literal `value` (a boolean, number or "string").

    Every assignment of the key in that host is corrected; when there is none, a line is
    added after the host's last statement.
    """
    lines, all_sections = _parse(text)
    section = _the_host(all_sections, host)
    found = lua.assignments(section, key)
    wanted = value.strip("\"'")
    replacements = []
    for item in found:
        at = section.tokens.index(item.value)
        after = section.tokens[at + 1] if at + 1 < len(section.tokens) else None
        continues = after is not None and after.line == item.value.line and after.text not in ";,"
        if item.value_end is not item.value or item.value.kind == "op" or continues:
            raise EditError(
                f'{key} of VirtualHost "{host}" is not a single value (line {item.key.line + 1})'
            )
        if item.value.text != wanted:
            token = item.value
            replacements.append(Replacement(token.line, token.start, token.end, value))
    if found:
        return _apply(lines, replacements, {}) if replacements else text
    newline = newline_of(text)
    new_line = f"{_body_indent(lines, section)}{key} = {value}{newline}"
    return _insert_at_end(lines, section, [new_line], newline)


def set_literal(text: str, host: str, key: str, value: str) -> str:
    """Make a VirtualHost's `key` the Lua `value`, a table included, written on one line.

    An existing assignment on one line is replaced when its source differs; one spread over
    several lines is refused rather than rewritten."""
    lines, all_sections = _parse(text)
    section = _the_host(all_sections, host)
    found = lua.assignments(section, key)
    if len(found) > 1:
        raise EditError(f'{key} of VirtualHost "{host}" is set {len(found)} times')
    if not found:
        newline = newline_of(text)
        new_line = f"{_body_indent(lines, section)}{key} = {value}{newline}"
        return _insert_at_end(lines, section, [new_line], newline)
    item = found[0]
    start, end = item.value, item.value_end
    if start.line != end.line:
        raise EditError(
            f'{key} of VirtualHost "{host}" spans several lines (line {item.key.line + 1}); '
            "write it on one line"
        )
    line = body(lines[start.line])
    if line[start.start : end.end] == value:
        return text
    return _apply(lines, [Replacement(start.line, start.start, end.end, value)], {})


def add_modules(text: str, host: str, modules: tuple[str, ...]) -> str:
    """Add modules to a VirtualHost's `modules_enabled`, keeping every module it has.

    New entries go before the closing brace, one per line in a table written over several
    lines, in the separator style of the entries already there.
    """
    lines, all_sections = _parse(text)
    section = _the_host(all_sections, host)
    return _add_strings(text, lines, section, "modules_enabled", modules, f'VirtualHost "{host}"')


def add_plugin_path(text: str, path: str) -> str:
    """Add a directory to the file's global `plugin_paths`, keeping Jitsi's own.

    A second `plugin_paths = ...` statement would replace Jitsi's list, not extend it.
    """
    lines, all_sections = _parse(text)
    return _add_strings(text, lines, all_sections[0], "plugin_paths", (path,), "the global part")


# Prosody's default trusted_proxies; a file that sets its own list must keep the local one.
LOCAL_PROXIES = ("127.0.0.1", "::1")


def trust_local_proxy(text: str) -> str:
    """Make a global `trusted_proxies` list, where the file has one, include this machine,
    so Prosody takes the client's address from nginx's X-Forwarded-For."""
    lines, all_sections = _parse(text)
    if not lua.assignments(all_sections[0], "trusted_proxies"):
        return text
    return _add_strings(
        text, lines, all_sections[0], "trusted_proxies", LOCAL_PROXIES, "the global part"
    )


def password_hosts(text: str) -> list[str]:
    """The VirtualHosts of the file that take passwords: every one not anonymous."""
    _lines, all_sections = _parse(text)
    names = []
    for section in all_sections:
        if section.kind != "VirtualHost":
            continue
        found = _string_values(section, "authentication")
        if not found or found[-1].value.text not in ANONYMOUS_AUTH:
            names.append(section.name)
    return names


def _add_strings(
    text: str,
    lines: list[str],
    section: lua.Section,
    key: str,
    values: tuple[str, ...],
    where: str,
) -> str:
    """Add string items to the table `key` of a section, before its closing brace."""
    newline = newline_of(text)
    found = lua.assignments(section, key)
    if len(found) > 1:
        raise EditError(f"{key} of {where} is set {len(found)} times; merge them into one list")
    indent = _body_indent(lines, section) if section.kind != "global" else ""
    if not found:
        if section.kind == "global":
            raise EditError(f"no {key} found in {where}: layout not recognised")
        block = [f"{indent}{key} = {{{newline}"]
        block += [f'{indent}{indent}"{name}";{newline}' for name in values]
        block.append(f"{indent}}}{newline}")
        return _insert_at_end(lines, section, block, newline)

    table = found[0]
    if table.value.text != "{":
        raise EditError(f"{key} of {where} is not a table (line {table.key.line + 1})")
    items = lua.table_items(section, table)
    if any(item.kind != "string" for item in items):
        raise EditError(
            f"{key} of {where} holds something other than plain strings (line {table.key.line + 1})"
        )
    missing = [name for name in values if name not in {item.text for item in items}]
    if not missing:
        return text

    start = section.tokens.index(table.value)
    end = section.tokens.index(table.value_end)
    inside = [t for t in section.tokens[start + 1 : end] if t.depth == table.value.depth + 1]
    separators = [t.text for t in inside if t.text in ",;"]
    close = table.value_end
    one_line = close.line == table.value.line
    separator = separators[-1] if separators else ("," if one_line else ";")
    last = inside[-1] if inside else None
    needs_separator = last is not None and last.text not in ",;"
    if not one_line and not body(lines[close.line])[: close.start].strip():
        replacements = []
        if needs_separator:
            replacements.append(Replacement(last.line, last.end, last.end, separator))
        item_indent = indent_of(lines[items[-1].line]) if items else indent + "    "
        new = [f'{item_indent}"{name}"{separator}{newline}' for name in missing]
        return _apply(lines, replacements, {close.line: new})

    # A table closed on a line with other content: add the names inline before the brace.
    anchor = last or table.value
    if anchor.line != close.line:
        raise EditError(
            f"{key} of {where} has a layout that cannot be extended safely (line {close.line + 1})"
        )
    added = "".join(f' "{name}"{separator}' for name in missing)
    new_text = (separator if needs_separator else "") + added + " "
    return _apply(lines, [Replacement(close.line, anchor.end, close.start, new_text)], {})
