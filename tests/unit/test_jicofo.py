"""The Jicofo edits: jicofo.conf read back with pyhocon, sip-communicator.properties."""

import pytest
from pyhocon import ConfigFactory

from hardening import jicofo
from hardening.prosody import EditError

DOMAIN = "meet.example.org"

CONF = """\
jicofo {
  xmpp: {
    client: {
      client-proxy: "focus.meet.example.org"
      xmpp-domain: "meet.example.org"
      domain: "auth.meet.example.org"
      username: "focus"
      password: "focus-password-example"
    }
    trusted-domains: [ "recorder.meet.example.org" ]
  }
  bridge: {
    brewery-jid: "JvbBrewery@internal.auth.meet.example.org"
  }
}
"""


def authentication(text):
    return ConfigFactory.parse_string(text).get_config("jicofo.authentication")


def test_block_is_added_inside_the_jicofo_object():
    auth = authentication(jicofo.set_authentication(CONF, DOMAIN))
    assert auth["enabled"] is True
    assert auth["type"] == "XMPP"
    assert auth["login-url"] == DOMAIN


def test_other_settings_are_untouched():
    after = jicofo.set_authentication(CONF, DOMAIN)
    assert after.startswith(CONF[: CONF.rindex("}")])
    config = ConfigFactory.parse_string(after)
    assert config["jicofo"]["xmpp"]["client"]["password"] == "focus-password-example"
    assert config["jicofo"]["bridge"]["brewery-jid"].startswith("JvbBrewery@")


def test_second_run_changes_nothing():
    once = jicofo.set_authentication(CONF, DOMAIN)
    assert jicofo.set_authentication(once, DOMAIN) is once


def test_login_url_pointing_at_auth_domain_is_corrected():
    text = CONF.replace(
        "  bridge: {",
        "  authentication: {\n    enabled: false\n    type: XMPP\n"
        '    login-url: "auth.meet.example.org"\n  }\n  bridge: {',
    )
    after = jicofo.set_authentication(text, DOMAIN)
    assert authentication(after)["login-url"] == DOMAIN
    assert authentication(after)["enabled"] is True
    assert after.count("authentication") == 1


def test_missing_keys_are_added_to_an_existing_block():
    text = CONF.replace("  bridge: {", "  authentication: {\n    type: XMPP\n  }\n  bridge: {")
    auth = authentication(jicofo.set_authentication(text, DOMAIN))
    assert (auth["enabled"], auth["login-url"]) == (True, DOMAIN)


def test_top_level_block_does_not_count():
    text = CONF + 'authentication { enabled: true, type: XMPP, login-url: "meet.example.org" }\n'
    auth = authentication(jicofo.set_authentication(text, DOMAIN))
    assert auth["login-url"] == DOMAIN


def test_file_without_jicofo_object_gets_one():
    after = jicofo.set_authentication("videobridge { }\n", DOMAIN)
    assert authentication(after)["enabled"] is True


def test_equals_separators_and_crlf():
    text = CONF.replace(": {", " {").replace(": ", " = ").replace("\n", "\r\n")
    after = jicofo.set_authentication(text, DOMAIN)
    assert "\n" not in after.replace("\r\n", "")
    assert authentication(after)["login-url"] == DOMAIN


def test_unparsable_file_is_refused():
    with pytest.raises(EditError, match="not HOCON"):
        jicofo.set_authentication(CONF.replace('"focus"', '"focus'), DOMAIN)


PROPERTIES = "org.jitsi.jicofo.BRIDGE_MUC=JvbBrewery@internal.auth.meet.example.org\n"


def test_properties_line_added_when_there_is_no_jicofo_conf():
    after = jicofo.set_properties_auth_url(PROPERTIES, DOMAIN, add_if_missing=True)
    assert after == PROPERTIES + "org.jitsi.jicofo.auth.URL=XMPP:meet.example.org\n"


def test_properties_line_not_added_beside_jicofo_conf():
    after = jicofo.set_properties_auth_url(PROPERTIES, DOMAIN, add_if_missing=False)
    assert after is PROPERTIES


def test_stale_properties_line_is_made_to_agree():
    text = PROPERTIES + "org.jitsi.jicofo.auth.URL = XMPP:auth.meet.example.org\r\n"
    after = jicofo.set_properties_auth_url(text, DOMAIN, add_if_missing=False)
    assert after == PROPERTIES + "org.jitsi.jicofo.auth.URL=XMPP:meet.example.org\r\n"


def test_commented_properties_line_is_left_alone():
    text = PROPERTIES + "#org.jitsi.jicofo.auth.URL=XMPP:other.example.org"
    after = jicofo.set_properties_auth_url(text, DOMAIN, add_if_missing=True)
    assert after == text + "\norg.jitsi.jicofo.auth.URL=XMPP:meet.example.org\n"
