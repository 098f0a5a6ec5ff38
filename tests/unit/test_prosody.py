"""The Prosody vhost edits, checked by loading the result with a real Lua."""

import pytest

from hardening import prosody
from tests.lua_config import load

DOMAIN = "meet.example.org"
GUEST = "guest.meet.example.org"

STOCK_2022 = """\
plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/" }
muc_mapper_domain_base = "meet.example.org";
cross_domain_bosh = false;

VirtualHost "meet.example.org"
    authentication = "jitsi-anonymous" -- do not delete me
    ssl = {
        key = "/etc/prosody/certs/meet.example.org.key";
        certificate = "/etc/prosody/certs/meet.example.org.crt";
    }
    modules_enabled = {
        "bosh";
        "ping"; -- Enable mod_ping
    }
    c2s_require_encryption = false

-- internal muc component
Component "conference.meet.example.org" "muc"
    restrict_room_creation = true

VirtualHost "auth.meet.example.org"
    authentication = "internal_hashed"

VirtualHost "recorder.meet.example.org"
    modules_enabled = { "ping"; }
    authentication = "internal_hashed"
"""

STOCK_2020_HOST = """\
VirtualHost "meet.example.org"
        -- enabled = false -- Remove this line to enable this host
        authentication = "anonymous"
        c2s_require_encryption = false

Component "conference.meet.example.org" "muc"
    storage = "memory"
"""


def harden(text, provider="jitsi-anonymous"):
    text = prosody.require_login(text, DOMAIN)
    return prosody.add_guest_host(text, DOMAIN, GUEST, provider)


def test_meeting_host_requires_login_and_keeps_its_comment():
    after = prosody.require_login(STOCK_2022, DOMAIN)
    hosts, _ = load(after)
    assert hosts[DOMAIN]["authentication"] == "internal_hashed"
    assert '    authentication = "internal_hashed" -- do not delete me\n' in after


def test_only_the_authentication_line_of_the_meeting_host_changes():
    after = prosody.require_login(STOCK_2022, DOMAIN)
    changed = [
        (a, b) for a, b in zip(STOCK_2022.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (
            '    authentication = "jitsi-anonymous" -- do not delete me',
            '    authentication = "internal_hashed" -- do not delete me',
        )
    ]


def test_2020_host_with_disabled_comment_is_converted():
    hosts, _ = load(prosody.require_login(STOCK_2020_HOST, DOMAIN))
    assert hosts[DOMAIN]["authentication"] == "internal_hashed"
    assert hosts[DOMAIN]["c2s_require_encryption"] is False


def test_commented_authentication_gets_an_active_line_below_it():
    text = STOCK_2020_HOST.replace(
        '        authentication = "anonymous"', '        -- authentication = "anonymous"'
    )
    after = prosody.require_login(text, DOMAIN)
    assert (
        '        -- authentication = "anonymous"\n        authentication = "internal_hashed"\n'
        in after
    )
    assert load(after)[0][DOMAIN]["authentication"] == "internal_hashed"


def test_missing_authentication_is_added_under_the_header():
    text = STOCK_2020_HOST.replace('        authentication = "anonymous"\n', "")
    after = prosody.require_login(text, DOMAIN)
    assert after.startswith(
        'VirtualHost "meet.example.org"\n        authentication = "internal_hashed"\n'
    )


def test_other_hosts_keep_their_authentication():
    text = STOCK_2022 + '\nVirtualHost "guest.meet.example.org"\n    authentication = "anonymous"\n'
    hosts, _ = load(harden(text))
    assert hosts[GUEST]["authentication"] == "anonymous"
    assert hosts["auth.meet.example.org"]["authentication"] == "internal_hashed"
    assert hosts["recorder.meet.example.org"]["authentication"] == "internal_hashed"


@pytest.mark.parametrize("provider", ["token", "ldap", "ldap2", "cyrus"])
def test_token_and_ldap_hosts_are_refused(provider):
    text = STOCK_2022.replace('"jitsi-anonymous" -- do not delete me', f'"{provider}"')
    with pytest.raises(prosody.EditError, match=f'authentication = "{provider}"'):
        prosody.require_login(text, DOMAIN)


def test_a_file_without_the_meeting_host_is_refused():
    with pytest.raises(prosody.EditError, match='no VirtualHost "other.example.org"'):
        prosody.require_login(STOCK_2022, "other.example.org")


def test_unclosed_table_is_refused_not_edited():
    with pytest.raises(prosody.EditError, match="not Lua"):
        prosody.require_login(STOCK_2022.replace("    }\n    c2s", "    c2s"), DOMAIN)


def test_guest_host_goes_after_the_meeting_block_and_before_the_first_component():
    after = harden(STOCK_2022)
    _, order = load(after)
    assert order[:3] == [DOMAIN, GUEST, "conference.meet.example.org"]
    assert (
        '    c2s_require_encryption = false\n\nVirtualHost "guest.meet.example.org"\n'
        '    authentication = "jitsi-anonymous"\n    c2s_require_encryption = false\n\n'
        "-- internal muc component\n"
    ) in after


def test_global_options_stay_global():
    hosts, _ = load(harden(STOCK_2022))
    assert hosts["*"]["cross_domain_bosh"] is False
    assert hosts["*"]["muc_mapper_domain_base"] == DOMAIN
    assert "cross_domain_bosh" not in hosts[GUEST]


def test_guest_host_settings():
    hosts, _ = load(harden(STOCK_2022, provider="anonymous"))
    assert hosts[GUEST]["authentication"] == "anonymous"
    assert hosts[GUEST]["c2s_require_encryption"] is False


def test_guest_host_uses_the_meeting_hosts_indentation():
    after = harden(STOCK_2020_HOST, provider="anonymous")
    assert '\nVirtualHost "guest.meet.example.org"\n        authentication = "anonymous"\n' in after


def test_hardening_twice_changes_nothing():
    once = harden(STOCK_2022)
    assert harden(once) == once


def test_existing_guest_host_is_kept_and_corrected():
    text = (
        STOCK_2022
        + '\nVirtualHost "guest.meet.example.org"\n    authentication = "internal_hashed"\n'
    )
    after = harden(text)
    hosts, order = load(after)
    assert order.count(GUEST) == 1
    assert order[-1] == GUEST
    assert hosts[GUEST]["authentication"] == "jitsi-anonymous"
    assert hosts[GUEST]["c2s_require_encryption"] is False


def test_commented_guest_host_does_not_count_as_present():
    text = (
        STOCK_2022
        + '\n-- VirtualHost "guest.meet.example.org"\n--    authentication = "anonymous"\n'
    )
    _, order = load(harden(text))
    assert order.count(GUEST) == 1


def test_one_line_statements_with_semicolons():
    text = (
        'VirtualHost "meet.example.org" authentication = "anonymous"; '
        'modules_enabled = { "bosh", "ping" }\n'
        'Component "conference.meet.example.org" "muc"\n'
    )
    hosts, order = load(harden(text))
    assert hosts[DOMAIN]["authentication"] == "internal_hashed"
    assert hosts[DOMAIN]["modules_enabled"] == ["bosh", "ping"]
    assert order[:2] == [DOMAIN, GUEST]


def test_crlf_line_endings_are_kept():
    text = STOCK_2022.replace("\n", "\r\n")
    after = harden(text)
    assert "\n" not in after.replace("\r\n", "")
    assert load(after)[0][GUEST]["c2s_require_encryption"] is False


def test_file_without_final_newline():
    hosts, order = load(harden(STOCK_2020_HOST.split("\n\nComponent")[0]))
    assert order == [DOMAIN, GUEST]


def test_meeting_host_after_a_component_is_refused():
    text = 'Component "conference.meet.example.org" "muc"\n' + STOCK_2020_HOST.split("\n\n")[0]
    with pytest.raises(prosody.EditError, match="comes after the first Component"):
        harden(text)


def test_strings_and_comments_that_look_like_headers_are_ignored():
    text = STOCK_2022.replace(
        "cross_domain_bosh = false;",
        'motd_text = "VirtualHost \\"x\\""\n--[[ Component "old.example.org" "muc"\n]]',
    )
    _, order = load(harden(text))
    assert "old.example.org" not in order
    assert order[:2] == [DOMAIN, GUEST]


@pytest.mark.parametrize(
    ("has_module", "meeting_auth", "expected"),
    [
        (True, "anonymous", "jitsi-anonymous"),
        (False, "jitsi-anonymous", "anonymous"),
        (None, "jitsi-anonymous", "jitsi-anonymous"),
        (None, "anonymous", "anonymous"),
        (None, None, "anonymous"),
    ],
)
def test_guest_provider_choice(has_module, meeting_auth, expected):
    assert prosody.guest_provider(has_module, meeting_auth) == expected


def test_a_long_string_over_several_lines_does_not_hide_the_next_host():
    text = (
        'VirtualHost "meet.example.org"\n    authentication = "anonymous"\n    motd = [[\nhi\n]]\n'
        'VirtualHost "other.example.org"\n    authentication = "anonymous"\n'
    )
    hosts, order = load(harden(text))
    assert hosts["other.example.org"]["authentication"] == "anonymous"
    assert order == [DOMAIN, GUEST, "other.example.org"]


def test_a_long_comment_closing_the_block_does_not_swallow_the_guest_host():
    text = (
        'VirtualHost "meet.example.org"\n    authentication = "anonymous"\n--[[\nold\n--]]\n'
        'Component "conference.meet.example.org" "muc"\n'
    )
    once = harden(text)
    assert load(once)[1] == [DOMAIN, GUEST, "conference.meet.example.org"]
    assert harden(once) == once


def test_a_guest_name_taken_by_a_component_is_refused():
    text = STOCK_2022 + 'Component "guest.meet.example.org" "muc"\n'
    with pytest.raises(prosody.EditError, match="already a Component"):
        harden(text)


# Moderators: modules and options of the meeting host.

HOST = 'VirtualHost "a.example"\n'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            HOST + '    modules_enabled = {\n        "bosh";\n        "ping"; -- pong\n    }\n',
            HOST + '    modules_enabled = {\n        "bosh";\n        "ping"; -- pong\n'
            '        "register";\n    }\n',
        ),
        (
            HOST + '  modules_enabled = {\n    "bosh",\n    "ping"\n  }\n',
            HOST + '  modules_enabled = {\n    "bosh",\n    "ping",\n    "register",\n  }\n',
        ),
        (
            HOST + '  modules_enabled = { "bosh"; "ping" }\n',
            HOST + '  modules_enabled = { "bosh"; "ping"; "register"; }\n',
        ),
        (
            HOST + "  modules_enabled = {}\n",
            HOST + '  modules_enabled = { "register", }\n',
        ),
        (
            HOST + '  authentication = "internal_hashed"\n',
            HOST + '  authentication = "internal_hashed"\n'
            '  modules_enabled = {\n    "register";\n  }\n',
        ),
    ],
    ids=["multi-line", "commas, no trailing separator", "one line", "empty", "missing"],
)
def test_add_modules_keeps_every_module_and_the_style(before, after):
    assert prosody.add_modules(before, "a.example", ("register",)) == after
    assert prosody.add_modules(after, "a.example", ("register",)) == after


def test_add_modules_touches_only_the_named_host():
    text = (
        HOST + '  modules_enabled = { "a" }\nVirtualHost "b.example"\n  modules_enabled = { "b" }\n'
    )
    assert prosody.add_modules(text, "b.example", ("r",)) == (
        HOST + '  modules_enabled = { "a" }\nVirtualHost "b.example"\n'
        '  modules_enabled = { "b", "r", }\n'
    )


def test_add_modules_refuses_two_lists():
    text = HOST + '  modules_enabled = { "a" }\n  modules_enabled = { "b" }\n'
    with pytest.raises(prosody.EditError, match="set 2 times"):
        prosody.add_modules(text, "a.example", ("r",))


def test_set_option_replaces_every_value_in_the_host_only():
    text = (
        "c2s_require_encryption = false\n" + HOST + "  c2s_require_encryption = false;\n"
        'VirtualHost "g.example"\n  c2s_require_encryption = false\n'
    )
    assert prosody.set_option(text, "a.example", "c2s_require_encryption", "true") == (
        "c2s_require_encryption = false\n" + HOST + "  c2s_require_encryption = true;\n"
        'VirtualHost "g.example"\n  c2s_require_encryption = false\n'
    )


def test_set_option_adds_a_missing_line_after_the_last_statement():
    text = HOST + '  authentication = "internal_hashed"\n\n-- next\nComponent "c.example" "muc"\n'
    assert prosody.set_option(text, "a.example", "allow_registration", "false") == (
        HOST + '  authentication = "internal_hashed"\n  allow_registration = false\n'
        '\n-- next\nComponent "c.example" "muc"\n'
    )


def test_global_option_reads_the_global_part_only():
    text = "consider_bosh_secure = true;\n" + HOST + "  consider_websocket_secure = true\n"
    assert prosody.global_option(text, "consider_bosh_secure") == "true"
    assert prosody.global_option(text, "consider_websocket_secure") is None


def test_plugin_path_is_added_to_jitsis_global_list():
    text = 'plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/" }\n' + HOST
    assert prosody.add_plugin_path(text, "/usr/local/lib/x") == (
        'plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", "/usr/local/lib/x", }\n' + HOST
    )
    with pytest.raises(prosody.EditError, match="no plugin_paths found in the global part"):
        prosody.add_plugin_path(HOST, "/usr/local/lib/x")


def test_password_hosts_are_the_non_anonymous_virtual_hosts():
    text = (
        'VirtualHost "m.example"\n  authentication = "internal_hashed"\n'
        'VirtualHost "guest.m.example"\n  authentication = "jitsi-anonymous"\n'
        'VirtualHost "auth.m.example"\n  ssl = {}\n'
        'Component "c.m.example" "muc"\n  authentication = "internal_hashed"\n'
    )
    assert prosody.password_hosts(text) == ["m.example", "auth.m.example"]


# Layouts an attack on the deploy found.


@pytest.mark.parametrize(
    "value", ["(false)", 'true and os.getenv("X") == "on"', "{ true }"], ids=str
)
def test_set_option_refuses_an_expression(value):
    text = HOST + f"  c2s_require_encryption = {value}\n"
    with pytest.raises(prosody.EditError, match="is not a single value"):
        prosody.set_option(text, "a.example", "c2s_require_encryption", "true")


def test_a_table_form_host_is_refused():
    text = 'VirtualHost "a.example" { modules_enabled = { "smacks" } }\n'
    with pytest.raises(prosody.EditError, match="written as a table"):
        prosody.add_modules(text, "a.example", ("log_auth",))


def test_nothing_is_added_inside_a_long_comment_that_ends_the_host():
    text = (
        HOST + '  authentication = "internal_hashed"\n  --[[ disabled\n  foo = 1\n-- ]]\n'
        '\nComponent "c.example" "muc"\n'
    )
    assert prosody.set_option(text, "a.example", "allow_registration", "false") == (
        HOST + '  authentication = "internal_hashed"\n  --[[ disabled\n  foo = 1\n-- ]]\n'
        "  allow_registration = false\n"
        '\nComponent "c.example" "muc"\n'
    )
