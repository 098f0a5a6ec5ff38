"""The nginx site edit that passes the client's address to Prosody, and the multiplexer check."""

import difflib
from pathlib import Path

import pytest

from hardening import nginx
from hardening.prosody import EditError

GOLDEN = Path(__file__).parent.parent / "golden"
SITE = "etc/nginx/sites-available/meet.example.org.conf"
STREAM_2020 = GOLDEN / "2020/before/etc/nginx/modules-enabled/60-jitsi-meet.conf"

NEW_LINE = "        proxy_set_header X-Forwarded-For $remote_addr;\n"

# Read off the stock files by hand: the last proxy_set_header of `location = /xmpp-websocket`
# (`proxy_set_header Host $http_host;`), as a 1-based line number.
WEBSOCKET_HOST_LINE = {"2020": 74, "2022": 103, "2024": 150}


def stock(era: str) -> str:
    return (GOLDEN / era / "before" / SITE).read_bytes().decode()


def block_lines(text: str, opening: str) -> list[str]:
    """The lines of the block opened by the line `opening`, up to its `}` at the same indent."""
    lines = text.splitlines()
    start = lines.index(opening)
    indent = opening[: len(opening) - len(opening.lstrip())]
    end = lines.index(indent + "}", start)
    return lines[start + 1 : end]


ERAS = sorted(WEBSOCKET_HOST_LINE)


@pytest.mark.parametrize("era", ERAS)
def test_websocket_location_gains_the_header_after_its_host_header(era):
    before = stock(era).splitlines(keepends=True)
    at = WEBSOCKET_HOST_LINE[era]
    assert before[at - 1] == "        proxy_set_header Host $http_host;\n"
    after = nginx.pass_client_address(stock(era)).splitlines(keepends=True)
    expected = before[:at] + [NEW_LINE] + before[at:]
    assert after == expected, "".join(difflib.unified_diff(expected, after, "expected", "edited"))


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize(
    "opening", ["    location = /http-bind {", "    location = /xmpp-websocket {"]
)
def test_each_xmpp_location_sets_the_header_once(era, opening):
    lines = block_lines(nginx.pass_client_address(stock(era)), opening)
    assert lines.count(NEW_LINE.rstrip("\n")) == 1


@pytest.mark.parametrize("era", ERAS)
def test_tenant_locations_stay_as_they_are(era):
    # They only rewrite to /xmpp-websocket and /http-bind, whose locations then proxy.
    after = nginx.pass_client_address(stock(era))
    for path in ("http-bind", "xmpp-websocket"):
        opening = f"    location ~ ^/([^/?&:'\"]+)/{path} {{"
        assert block_lines(after, opening) == block_lines(stock(era), opening)


@pytest.mark.parametrize("era", ERAS)
def test_the_edit_is_idempotent(era):
    once = nginx.pass_client_address(stock(era))
    assert nginx.pass_client_address(once) == once


@pytest.mark.parametrize("era", ERAS)
def test_xmpp_locations_are_the_bosh_and_websocket_ones(era):
    expected = ["location = /http-bind", "location = /xmpp-websocket"]
    assert nginx.xmpp_locations(stock(era)) == expected


def test_crlf_endings_are_kept():
    text = stock("2024").replace("\n", "\r\n")
    after = nginx.pass_client_address(text)
    assert after == nginx.pass_client_address(stock("2024")).replace("\n", "\r\n")


def test_tab_indentation_is_kept():
    text = (
        "server {\n"
        "\tlocation = /xmpp-websocket {\n"
        "\t\tproxy_pass http://127.0.0.1:5280/xmpp-websocket;\n"
        "\t}\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "server {\n"
        "\tlocation = /xmpp-websocket {\n"
        "\t\tproxy_pass http://127.0.0.1:5280/xmpp-websocket;\n"
        "\t\tproxy_set_header X-Forwarded-For $remote_addr;\n"
        "\t}\n"
        "}\n"
    )


def test_a_location_on_one_line_gets_the_header_on_that_line():
    text = "location = /xmpp-websocket { proxy_pass http://prosody; }\n"
    assert nginx.pass_client_address(text) == (
        "location = /xmpp-websocket { proxy_pass http://prosody;"
        " proxy_set_header X-Forwarded-For $remote_addr; }\n"
    )


def test_a_comment_after_the_last_header_stays_on_its_line():
    text = (
        "location = /http-bind {\n"
        "    proxy_pass http://prosody/http-bind;\n"
        "    proxy_set_header Host $http_host; # keep { this ; }\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "location = /http-bind {\n"
        "    proxy_pass http://prosody/http-bind;\n"
        "    proxy_set_header Host $http_host; # keep { this ; }\n"
        "    proxy_set_header X-Forwarded-For $remote_addr;\n"
        "}\n"
    )


def test_braces_in_strings_comments_and_variables_do_not_count():
    text = (
        "server {\n"
        '    add_header X-Note "} { ; # not code";\n'
        "    add_header X-Other 'a;{';\n"
        "    set $a ${host}x#y;\n"
        "    # location = /http-bind { }\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "    }\n"
        "}\n"
    )
    after = nginx.pass_client_address(text)
    assert after.splitlines()[7] == "        proxy_set_header X-Forwarded-For $remote_addr;"
    assert nginx.xmpp_locations(text) == ["location = /xmpp-websocket"]


def test_a_header_already_set_to_the_client_address_is_left_alone():
    for value in ("$remote_addr", '"$remote_addr"'):
        text = (
            "location = /xmpp-websocket {\n"
            "    proxy_pass http://prosody/xmpp-websocket;\n"
            f"    proxy_set_header x-forwarded-for {value};\n"
            "}\n"
        )
        assert nginx.pass_client_address(text) == text


def test_a_header_the_client_can_extend_is_refused():
    text = (
        "location = /xmpp-websocket {\n"
        "    proxy_pass http://prosody/xmpp-websocket;\n"
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "}\n"
    )
    with pytest.raises(EditError, match=r"to \$proxy_add_x_forwarded_for; expected \$remote"):
        nginx.pass_client_address(text)


def test_a_header_set_twice_is_refused():
    text = (
        "location = /http-bind {\n"
        "    proxy_pass http://prosody/http-bind;\n"
        "    proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    proxy_set_header X-Forwarded-For $remote_addr;\n"
        "}\n"
    )
    with pytest.raises(EditError, match="location = /http-bind sets X-Forwarded-For 2 times"):
        nginx.pass_client_address(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("server { listen 443;\n", r"unbalanced braces: the '\{' on line 1 is never closed"),
        ("server { }\n}\n", r"unbalanced braces: the '\}' on line 2 closes nothing"),
        ("server {\n    listen 443\n}\n", r"the directive listen on line 2 has no ';'"),
        ('server { add_header X "open; }\n', r"a quoted string on line 1 is never closed"),
        ("server {\n    ;\n}\n", r"a ';' on line 2 follows no directive"),
        ("server { location / { return 404; } }\n", "no location passes /http-bind or"),
        ("# location = /xmpp-websocket { proxy_pass http://p; }\n", "no location passes"),
    ],
)
def test_what_is_not_recognised_is_named_in_one_line(text, message):
    with pytest.raises(EditError, match=message) as caught:
        nginx.pass_client_address(text)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_the_2020_turn_multiplexer_is_detected():
    assert nginx.behind_turn_multiplexer(STREAM_2020.read_text())


@pytest.mark.parametrize("era", ERAS)
def test_a_site_file_is_no_multiplexer(era):
    assert not nginx.behind_turn_multiplexer(stock(era))


def test_a_stream_that_keeps_the_address_or_skips_443_is_no_multiplexer():
    stream = STREAM_2020.read_text()
    assert not nginx.behind_turn_multiplexer(
        stream.replace("ssl_preread on;", "ssl_preread on;\n        proxy_protocol on;")
    )
    assert not nginx.behind_turn_multiplexer(stream.replace("443;", "8443;"))
    assert not nginx.behind_turn_multiplexer(
        "".join("#" + line for line in stream.splitlines(keepends=True))
    )


# A location that serves XMPP however its match is written: a client could otherwise choose
# the address Prosody logs through it.


def test_a_regex_websocket_location_proxying_without_a_path_gets_the_header():
    text = (
        "server {\n"
        "    location ~ ^/xmpp-websocket$ {\n"
        "        proxy_pass http://prosody;\n"
        "        proxy_http_version 1.1;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        '        proxy_set_header Connection "upgrade";\n'
        "    }\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "server {\n"
        "    location ~ ^/xmpp-websocket$ {\n"
        "        proxy_pass http://prosody;\n"
        "        proxy_http_version 1.1;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        '        proxy_set_header Connection "upgrade";\n'
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    }\n"
        "}\n"
    )


@pytest.mark.parametrize(
    ("match", "upstream"),
    [
        ("~ ^/xmpp-websocket$", "http://prosody"),
        ("~* ^/HTTP-BIND", "http://prosody"),
        (r"~ ^/xmpp\-websocket", "http://127.0.0.1:5280"),
        ("^~ /http-bind/", "http://127.0.0.1:5280"),
        ("~ ^/([^/?&:'\"]+)/xmpp-websocket", "http://prosody"),
        ("/ws", "http://prosody/xmpp-websocket$is_args$args"),
    ],
)
def test_a_proxying_location_that_mentions_an_xmpp_path_is_edited(match, upstream):
    text = f"server {{\n    location {match} {{ proxy_pass {upstream}; }}\n}}\n"
    assert nginx.xmpp_locations(text) == [f"location {match}"]
    assert nginx.pass_client_address(text) == (
        f"server {{\n    location {match} {{ proxy_pass {upstream};"
        " proxy_set_header X-Forwarded-For $remote_addr; }\n}\n"
    )


def test_a_forged_header_in_a_regex_xmpp_location_is_refused():
    text = (
        "location ~ ^/http-bind$ {\n"
        "    proxy_pass http://prosody;\n"
        "    proxy_set_header X-Forwarded-For $http_x_forwarded_for;\n"
        "}\n"
    )
    with pytest.raises(EditError, match=r"^location ~ \^/http-bind\$ sets X-Forwarded-For to "):
        nginx.pass_client_address(text)


def test_a_location_that_only_rewrites_to_an_xmpp_path_is_not_edited():
    text = (
        "server {\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "    }\n"
        "    location ~ ^/([^/?&:'\"]+)/xmpp-websocket {\n"
        '        set $prefix "$1";\n'
        "        rewrite ^/(.*)$ /xmpp-websocket;\n"
        "    }\n"
        "}\n"
    )
    assert nginx.xmpp_locations(text) == ["location = /xmpp-websocket"]
    assert nginx.pass_client_address(text) == (
        "server {\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    }\n"
        "    location ~ ^/([^/?&:'\"]+)/xmpp-websocket {\n"
        '        set $prefix "$1";\n'
        "        rewrite ^/(.*)$ /xmpp-websocket;\n"
        "    }\n"
        "}\n"
    )


# nginx passes proxy_set_header directives down to a level only when it sets none of its own:
# one added to a location that inherits Host, Upgrade and Connection would drop all three.

INHERITING_WEBSOCKET = (
    "server {\n"
    "    proxy_set_header Host $http_host;\n"
    "    proxy_set_header Upgrade $http_upgrade;\n"
    '    proxy_set_header Connection "upgrade";\n'
    "    location = /xmpp-websocket {\n"
    "        proxy_pass http://prosody/xmpp-websocket;\n"
    "    }\n"
    "}\n"
)


def test_a_location_that_inherits_headers_is_refused_in_one_line():
    with pytest.raises(EditError) as caught:
        nginx.pass_client_address(INHERITING_WEBSOCKET)
    assert str(caught.value) == (
        "location = /xmpp-websocket inherits 3 proxy_set_header directives from the enclosing"
        " server block on line 1, and adding one to the location would drop them: add"
        " `proxy_set_header X-Forwarded-For $remote_addr;` there yourself, or move the headers"
        " into the location"
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "proxy_set_header Host $host;\n"
            "server {\n"
            "    location /http-bind { proxy_pass http://prosody; }\n"
            "}\n",
            "location /http-bind inherits 1 proxy_set_header directive from the enclosing"
            " http level (the top of the site file),",
        ),
        (
            "proxy_set_header Host $host;\n"
            "server {\n"
            "    proxy_set_header Host $http_host;\n"
            "    proxy_set_header Upgrade $http_upgrade;\n"
            "    location /http-bind { proxy_pass http://prosody; }\n"
            "}\n",
            "location /http-bind inherits 2 proxy_set_header directives from the enclosing"
            " server block on line 2,",
        ),
        (
            "proxy_set_header Host $host;\n"
            "server {\n"
            "    location /chat {\n"
            "        proxy_set_header Upgrade $http_upgrade;\n"
            "        location /chat/http-bind { proxy_pass http://prosody; }\n"
            "    }\n"
            "}\n",
            "location /chat/http-bind inherits 1 proxy_set_header directive from the enclosing"
            " location /chat,",
        ),
    ],
    ids=["http-level", "server-over-http", "location-over-http"],
)
def test_inherited_headers_come_from_the_nearest_block_that_sets_any(text, source):
    with pytest.raises(EditError) as caught:
        nginx.pass_client_address(text)
    assert str(caught.value).startswith(source)


def test_the_header_inherited_from_the_enclosing_block_is_enough():
    # What the refusal asks the admin to do: set the header beside the inherited ones.
    text = INHERITING_WEBSOCKET.replace(
        "    location", "    proxy_set_header X-Forwarded-For $remote_addr;\n    location"
    )
    assert nginx.pass_client_address(text) == text


def test_an_inherited_header_the_client_can_extend_is_refused():
    text = INHERITING_WEBSOCKET.replace(
        "    location",
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    location",
    )
    with pytest.raises(EditError) as caught:
        nginx.pass_client_address(text)
    assert str(caught.value) == (
        "the enclosing server block on line 1, whose headers location = /xmpp-websocket"
        " inherits, sets X-Forwarded-For to $proxy_add_x_forwarded_for; expected $remote_addr,"
        " so that a client cannot choose the address Prosody logs"
    )


def test_a_location_with_headers_of_its_own_gets_the_header_whatever_encloses_it():
    text = (
        "server {\n"
        "    proxy_set_header Host $host;\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        "    }\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "server {\n"
        "    proxy_set_header Host $host;\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    }\n"
        "}\n"
    )


def test_headers_of_a_sibling_location_are_not_inherited():
    text = (
        "server {\n"
        "    location /colibri-ws {\n"
        "        proxy_pass http://jvb;\n"
        "        proxy_set_header Host $host;\n"
        "    }\n"
        "    location = /http-bind {\n"
        "        proxy_pass http://prosody/http-bind;\n"
        "    }\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "server {\n"
        "    location /colibri-ws {\n"
        "        proxy_pass http://jvb;\n"
        "        proxy_set_header Host $host;\n"
        "    }\n"
        "    location = /http-bind {\n"
        "        proxy_pass http://prosody/http-bind;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    }\n"
        "}\n"
    )


# nginx separates words by space, tab, CR and LF only; Python's str.isspace() takes more.


def test_words_are_separated_by_space_tab_cr_and_lf_only():
    words = [t.text for t in nginx.tokenize("a\u00a0b\tc\rd\ne\vf\fg h;") if t.kind == "word"]
    assert words == ["a\u00a0b", "c", "d", "e\vf\fg", "h"]


@pytest.mark.parametrize("char", ["\v", "\f", "\x1c", "\x85", "\u00a0", "\u2028", "\u3000"])
def test_a_hash_after_a_character_nginx_keeps_in_a_word_starts_no_comment(char):
    text = (
        "server {\n"
        f"    add_header X a{char}#;\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "    }\n"
        "}\n"
    )
    assert nginx.pass_client_address(text) == (
        "server {\n"
        f"    add_header X a{char}#;\n"
        "    location = /xmpp-websocket {\n"
        "        proxy_pass http://prosody/xmpp-websocket;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        "    }\n"
        "}\n"
    )
