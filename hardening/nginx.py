"""Pure reads and edits of Jitsi's nginx files.

`pass_client_address` edits the Jitsi site (`/etc/nginx/sites-available/<domain>.conf`) so
that Prosody logs a web login with the address of the client, which fail2ban then bans.
`behind_turn_multiplexer` reads nginx's stream configuration and tells whether the web site
is reached through a local TCP proxy, where no header can bring the client's address back.

Both work on tokens that follow nginx's own reader: only space, tab, CR and LF separate words
(a vertical tab, a form feed or a no-break space is part of a word), `#` starts a comment only
where a word could start, quotes group a word, a backslash escapes the next character, `{`
right after `$` belongs to a variable name (`${name}`), and `}` is a word character inside a
word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hardening.prosody import EditError
from hardening.text import indent_of

# Why `$remote_addr` and nothing else. Prosody takes the client's address from
# X-Forwarded-For whenever the request comes from a trusted proxy, and 127.0.0.1 (nginx) is
# trusted by default. Without a proxy_set_header for it, nginx forwards the header the client
# sent: a client then writes any address into Prosody's log, and fail2ban bans that address
# instead of the client's (seen on Prosody 0.12 over /xmpp-websocket). `$remote_addr` replaces
# whatever the client sent with the one address nginx knows, the peer of the TCP connection,
# or the address nginx's realip module established when the admin configured a trusted proxy
# in front. `$proxy_add_x_forwarded_for` would append to the client's own list instead, and
# which entry Prosody then believes depends on its version and its trusted_proxies.
# The stock file uses `$remote_addr` on /http-bind already.
HEADER = "X-Forwarded-For"
CLIENT_ADDRESS = "$remote_addr"
DIRECTIVE = f"proxy_set_header {HEADER} {CLIENT_ADDRESS};"

# The paths Prosody serves its XMPP client connections on: BOSH and websocket.
XMPP_PATHS = ("http-bind", "xmpp-websocket")

# What separates words for nginx. Python's str.isspace() also takes a vertical tab, a form
# feed or a no-break space, which nginx keeps inside a word: splitting there would turn the
# rest of a line such as `add_header X a\u00a0#;` into a comment and hide what follows.
WHITESPACE = " \t\r\n"


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "string", "comment", "punct"
    start: int
    end: int
    text: str  # the source text; a string keeps its quotes

    @property
    def value(self) -> str:
        """What nginx reads: a string without its quotes and escapes, a word as written."""
        if self.kind != "string":
            return self.text
        return re.sub(r"\\(.)", r"\1", self.text[1:-1], flags=re.S)


@dataclass
class Directive:
    words: list[Token]  # the name, then the arguments
    end: Token  # the `;` that ends it, or the `{` that opens its block
    block: list[Directive] | None = None  # the directives inside `{ ... }`

    @property
    def name(self) -> str:
        return self.words[0].value

    @property
    def args(self) -> list[str]:
        return [word.value for word in self.words[1:]]


def _line_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def tokenize(text: str) -> list[Token]:
    """Split an nginx file into words, quoted strings, comments and `;` `{` `}`."""
    tokens = []
    at = 0
    while at < len(text):
        char = text[at]
        if char in WHITESPACE:
            at += 1
        elif char == "#":
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            tokens.append(Token("comment", at, end, text[at:end].rstrip("\r")))
            at = end
        elif char in ";{}":
            tokens.append(Token("punct", at, at + 1, char))
            at += 1
        elif char in "\"'":
            end = _string_end(text, at)
            tokens.append(Token("string", at, end, text[at:end]))
            at = end
        else:
            end = _word_end(text, at)
            tokens.append(Token("word", at, end, text[at:end]))
            at = end
    return tokens


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    at = start + 1
    while at < len(text):
        if text[at] == "\\":
            at += 2
        elif text[at] == quote:
            return at + 1
        else:
            at += 1
    raise EditError(f"a quoted string on line {_line_of(text, start)} is never closed")


def _word_end(text: str, at: int) -> int:
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if char == "{" and text[at - 1] == "$":
            at += 1
            continue
        if char in WHITESPACE or char in ";{":
            break
        at += 1
    return min(at, len(text))


def parse(text: str) -> list[Directive]:
    """The directives of an nginx file, blocks nested; EditError names what does not fit."""
    tokens = tokenize(text)
    top: list[Directive] = []
    stack: list[tuple[list[Directive], Directive | None]] = [(top, None)]
    words: list[Token] = []
    for token in tokens:
        siblings, parent = stack[-1]
        if token.kind == "comment":
            continue
        if token.kind in ("word", "string"):
            words.append(token)
        elif token.text in ";{":
            if not words:
                line = _line_of(text, token.start)
                raise EditError(f"a '{token.text}' on line {line} follows no directive")
            directive = Directive(words, token)
            siblings.append(directive)
            if token.text == "{":
                directive.block = []
                stack.append((directive.block, directive))
            words = []
        else:  # "}"
            if words:
                line = _line_of(text, words[0].start)
                raise EditError(f"the directive {words[0].text} on line {line} has no ';'")
            if parent is None:
                line = _line_of(text, token.start)
                raise EditError(f"unbalanced braces: the '}}' on line {line} closes nothing")
            stack.pop()
    if words:
        line = _line_of(text, words[0].start)
        raise EditError(f"the directive {words[0].text} on line {line} has no ';'")
    if len(stack) > 1:
        opened = stack[-1][1]
        assert opened is not None
        line = _line_of(text, opened.end.start)
        raise EditError(f"unbalanced braces: the '{{' on line {line} is never closed")
    return top


def _locations(
    directives: list[Directive], enclosing: tuple[Directive, ...] = ()
) -> Iterator[tuple[Directive, tuple[Directive, ...]]]:
    """Each location in file order, with the blocks that enclose it, nearest first."""
    for directive in directives:
        if directive.name == "location":
            yield directive, enclosing
        if directive.block is not None:
            yield from _locations(directive.block, (directive, *enclosing))


def _walk(directives: list[Directive]) -> Iterator[Directive]:
    for directive in directives:
        yield directive
        if directive.block is not None:
            yield from _walk(directive.block)


def _children(block: Directive, name: str) -> list[Directive]:
    return [child for child in block.block or [] if child.name == name]


def _proxied_path(url: str) -> str:
    """The path part of a proxy_pass URL, without its query ("" when it has none)."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    return path.split("?", 1)[0]


def _mentions_xmpp(path: str) -> bool:
    plain = path.replace("\\", "").lower()  # `xmpp\-websocket` in a regex, `/HTTP-BIND` with ~*
    return any(xmpp in plain for xmpp in XMPP_PATHS)


def _is_xmpp(location: Directive) -> bool:
    """A location that hands XMPP connections to Prosody itself (BOSH or websocket).

    It proxies, and its match argument or the path it proxies to mentions `http-bind` or
    `xmpp-websocket`: `location ~ ^/xmpp-websocket$ { proxy_pass http://prosody; }` serves
    websockets as surely as the stock `location = /xmpp-websocket` does, and a location left
    out would let a client choose the address Prosody logs. The tenant locations
    (`location ~ ^/([^/?&:'"]+)/xmpp-websocket`) only rewrite the URI; nginx then serves the
    request from the location the new URI selects, so the header belongs in that one. A
    proxy_set_header in a location without proxy_pass does nothing.
    """
    passes = _children(location, "proxy_pass")
    if not passes or not passes[-1].args:
        return False
    match = location.args[-1] if location.args else ""
    return _mentions_xmpp(match) or _mentions_xmpp(_proxied_path(passes[-1].args[0]))


def _describe(location: Directive) -> str:
    return "location " + " ".join(word.text for word in location.words[1:])


def _describe_block(text: str, block: Directive | None) -> str:
    if block is None:
        return "http level (the top of the site file)"
    if block.name == "location":
        return _describe(block)
    return f"{block.name} block on line {_line_of(text, block.words[0].start)}"


def _inherited_headers(
    top: list[Directive], enclosing: tuple[Directive, ...]
) -> tuple[Directive | None, list[Directive]]:
    """The proxy_set_header directives a location without any of its own gets, and the block
    (None: the top level) that sets them.

    nginx passes them down one level only when that level sets none of its own, so they all
    come from the nearest enclosing block that sets any.
    """
    for block in enclosing:
        headers = _children(block, "proxy_set_header")
        if headers:
            return block, headers
    return None, [d for d in top if d.name == "proxy_set_header"]


def xmpp_locations(text: str) -> list[str]:
    """How each location that passes BOSH or websocket to Prosody is written, in file order."""
    return [_describe(d) for d, _ in _locations(parse(text)) if _is_xmpp(d)]


def _insertion(text: str, anchor: Directive) -> tuple[int, str]:
    """Where and what to insert so that the new directive follows `anchor`.

    On a line of its own, indented like `anchor`, when `anchor` has its own line; after it
    on the same line otherwise, so that nothing else on that line moves.
    """
    semicolon = anchor.end.end
    line_start = text.rfind("\n", 0, anchor.words[0].start) + 1
    line_end = text.find("\n", semicolon)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start : anchor.words[0].start]
    after = text[semicolon:line_end].strip(WHITESPACE)
    if before.strip(WHITESPACE) or (after and not after.startswith("#")) or line_end == len(text):
        return semicolon, " " + DIRECTIVE
    ending = "\r\n" if text[line_end - 1 : line_end] == "\r" else "\n"
    return line_end + 1, indent_of(before) + DIRECTIVE + ending


def pass_client_address(text: str) -> str:
    """Make every location that passes XMPP to Prosody send the client's address.

    Adds `proxy_set_header X-Forwarded-For $remote_addr;` once to each such location
    (`location = /xmpp-websocket` lacks it in every stock site; `/http-bind` has it) and
    changes nothing else. Returns `text` unchanged when every location has it already, set
    there or inherited. Refuses a location that sets no proxy_set_header but inherits some,
    since one of its own would make nginx drop them all (Host, Upgrade, Connection).

        pass_client_address(open("/etc/nginx/sites-available/meet.example.org.conf").read())
    """
    # Known limitation: a location in a file that the site pulls in with `include`, a
    # proxy_pass or header inside an `if` block of a location, and a proxy_set_header in
    # nginx.conf's http block (which a location without its own would inherit) are not seen;
    # the stock sites keep both XMPP locations, plainly written, in the site file itself, and
    # Debian's nginx.conf sets no proxy_set_header.
    top = parse(text)
    locations = [(d, enclosing) for d, enclosing in _locations(top) if _is_xmpp(d)]
    if not locations:
        raise EditError("no location passes /http-bind or /xmpp-websocket to Prosody")

    inserts = []
    for location, enclosing in locations:
        own = _children(location, "proxy_set_header")
        source, inherited = (None, []) if own else _inherited_headers(top, enclosing)
        source_name = _describe_block(text, source)
        where = _describe(location)
        if inherited:
            where = f"the enclosing {source_name}, whose headers {where} inherits,"
        headers = [d for d in own or inherited if d.args and d.args[0].lower() == HEADER.lower()]
        if len(headers) > 1:
            raise EditError(f"{where} sets {HEADER} {len(headers)} times")
        if headers:
            if headers[0].args[1:] != [CLIENT_ADDRESS]:
                found = " ".join(word.text for word in headers[0].words[2:]) or "nothing"
                raise EditError(
                    f"{where} sets {HEADER} to {found}; expected "
                    f"{CLIENT_ADDRESS}, so that a client cannot choose the address Prosody logs"
                )
            continue
        if inherited:
            count = f"{len(inherited)} proxy_set_header directive" + "s" * (len(inherited) > 1)
            raise EditError(
                f"{_describe(location)} inherits {count} from the enclosing {source_name}, "
                "and adding one to the location would drop them: "
                f"add `{DIRECTIVE}` there yourself, or move the headers into the location"
            )
        anchor = (own or _children(location, "proxy_pass"))[-1]
        inserts.append(_insertion(text, anchor))

    for at, new in sorted(inserts, reverse=True):
        text = text[:at] + new + text[at:]
    return text


def _listens_on_443(server: Directive) -> bool:
    for listen in _children(server, "listen"):
        if not listen.args or "udp" in listen.args[1:]:
            continue
        port = listen.args[0].rsplit("]", 1)[-1].rsplit(":", 1)[-1]
        if port == "443":
            return True
    return False


def behind_turn_multiplexer(stream_text: str) -> bool:
    """Whether an nginx `stream` server takes port 443 and passes it on as plain TCP.

    Jitsi's TURN multiplexer of 2020 (`modules-enabled/60-jitsi-meet.conf`) does that: it
    reads the TLS handshake (`ssl_preread`) and sends web clients to the site on another
    port. The site then sees every client coming from 127.0.0.1, so no header can tell
    Prosody the client's address and web logins cannot be banned. A stream server that
    sends the PROXY protocol (`proxy_protocol on`) keeps the address, so it does not count.

        behind_turn_multiplexer(open("/etc/nginx/modules-enabled/60-jitsi-meet.conf").read())
    """
    for stream in (d for d in _walk(parse(stream_text)) if d.name == "stream"):
        for server in (d for d in _walk(stream.block or []) if d.name == "server"):
            if not _listens_on_443(server) or not _children(server, "proxy_pass"):
                continue
            if any(d.args == ["on"] for d in _children(server, "proxy_protocol")):
                continue
            return True
    return False
