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
