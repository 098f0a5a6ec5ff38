"""The config.js edit, checked by running the result with node."""

import pytest

from hardening import configjs
from hardening.prosody import EditError
from tests.js import config_of

GUEST = "guest.meet.example.org"

STOCK = """\
var config = {
    // Connection
    //

    hosts: {
        // XMPP domain.
        domain: 'meet.example.org',

        // When using authentication, domain for guest users.
        // anonymousdomain: 'guest.example.com',

        // Domain for authenticated users. Defaults to <domain>.
        // authdomain: 'meet.example.org',

        // XMPP MUC domain. FIXME: use XEP-0030 to discover it.
        muc: 'conference.<!--# echo var="subdomain" default="" -->meet.example.org'
    },

    // BOSH URL.
    bosh: '//meet.example.org/http-bind',
};
"""


def test_stock_commented_line_becomes_the_active_one():
    after = configjs.set_anonymous_domain(STOCK, GUEST)
    assert "        anonymousdomain: 'guest.meet.example.org',\n" in after
    assert "// anonymousdomain" not in after
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST


def test_only_that_line_changes():
    after = configjs.set_anonymous_domain(STOCK, GUEST)
    changed = [
        (a, b) for a, b in zip(STOCK.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (
            "        // anonymousdomain: 'guest.example.com',",
            "        anonymousdomain: 'guest.meet.example.org',",
        )
    ]


def test_missing_comma_after_the_previous_key_is_added():
    text = STOCK.replace("domain: 'meet.example.org',", "domain: 'meet.example.org'")
    after = configjs.set_anonymous_domain(text, GUEST)
    hosts = config_of(after)["hosts"]
    assert hosts["anonymousdomain"] == GUEST
    assert hosts["domain"] == "meet.example.org"


def test_stale_value_is_replaced():
    text = STOCK.replace(
        "// anonymousdomain: 'guest.example.com',", 'anonymousdomain: "old.meet.example.org",'
    )
    after = configjs.set_anonymous_domain(text, GUEST)
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST


def test_a_duplicate_key_is_removed():
    text = STOCK.replace(
        "// anonymousdomain: 'guest.example.com',",
        "anonymousdomain: 'a.meet.example.org',\n        anonymousdomain: 'b.meet.example.org',",
    )
    after = configjs.set_anonymous_domain(text, GUEST)
    assert after.count("anonymousdomain:") == 1
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST


def test_already_set_is_returned_unchanged():
    once = configjs.set_anonymous_domain(STOCK, GUEST)
    assert configjs.set_anonymous_domain(once, GUEST) is once


def test_no_trace_of_the_key_puts_it_after_domain():
    text = STOCK.replace("        // anonymousdomain: 'guest.example.com',\n", "")
    after = configjs.set_anonymous_domain(text, GUEST)
    assert (
        "        domain: 'meet.example.org',\n        anonymousdomain: 'guest.meet.example.org',\n"
        in after
    )
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST


def test_one_line_hosts_block():
    text = "var config = { hosts: { domain: 'meet.example.org' }, bosh: '/http-bind' };\n"
    after = configjs.set_anonymous_domain(text, GUEST)
    assert config_of(after)["hosts"] == {"anonymousdomain": GUEST, "domain": "meet.example.org"}


def test_key_in_a_nested_object_or_string_is_not_taken_for_it():
    text = STOCK.replace(
        "// anonymousdomain: 'guest.example.com',",
        "extra: { anonymousdomain: 'x' }, note: 'anonymousdomain: y',",
    )
    after = configjs.set_anonymous_domain(text, GUEST)
    config = config_of(after)
    assert config["hosts"]["anonymousdomain"] == GUEST
    assert config["hosts"]["extra"] == {"anonymousdomain": "x"}


def test_crlf_line_endings_are_kept():
    text = STOCK.replace("// anonymousdomain: 'guest.example.com',\n", "").replace("\n", "\r\n")
    after = configjs.set_anonymous_domain(text, GUEST)
    assert "\n" not in after.replace("\r\n", "")
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST


def test_a_file_without_hosts_is_refused():
    with pytest.raises(EditError, match="no hosts"):
        configjs.set_anonymous_domain("var config = { bosh: '/http-bind' };\n", GUEST)


def test_an_unclosed_string_is_refused():
    with pytest.raises(EditError, match="never closed"):
        configjs.set_anonymous_domain(
            STOCK.replace("'meet.example.org',", "'meet.example.org,"), GUEST
        )


def test_last_key_domain_without_comma_gets_one_and_a_new_line():
    text = "var config = {\n    hosts: {\n        domain: 'meet.example.org'\n    },\n};\n"
    after = configjs.set_anonymous_domain(text, GUEST)
    assert (
        "        domain: 'meet.example.org',\n        anonymousdomain: 'guest.meet.example.org',\n"
        in after
    )
    assert config_of(after)["hosts"]["anonymousdomain"] == GUEST
