"""The whole deploy, over real SSH, on the disposable Debian 12 test host.

The steps depend on each other and run in file order: converge, idempotence, verify.
"""

import json
import os
import subprocess
import sys

import pytest
from pyhocon import ConfigFactory

from tests.e2e.conftest import NAME, ROOT
from tests.js import config_of
from tests.xmpp_probe import login

pytestmark = pytest.mark.e2e

DOMAIN = "meet.example.org"
GUEST = f"guest.{DOMAIN}"


def deploy() -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "pyinfra", "-y", "--json", "inventories/testhost.py", "deploy.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "JITSI_TESTHOST": NAME},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def converged(testhost):
    first = deploy()
    second = deploy()
    return testhost, first, second


def test_converge_succeeds_and_changes_the_three_files(converged):
    _, first, _ = converged
    changed = [op["name"] for op in first["results"]["operations"] if op["success"]]
    assert first["results"]["totals"]["error"] == 0
    assert any("Prosody: require a login" in name for name in changed)
    assert any("Jitsi Meet: send guests" in name for name in changed)
    assert any("Jicofo: open rooms only" in name for name in changed)
    assert any("Restart prosody" in name for name in changed)


def test_second_run_changes_nothing(converged):
    _, _, second = converged
    assert second["results"]["totals"]["success"] == 0
    assert second["results"]["totals"]["error"] == 0


def test_anonymous_login_is_refused_on_the_meeting_domain(converged):
    testhost, _, _ = converged
    outcome = login(testhost.address, DOMAIN)
    assert not outcome.accepted
    # Prosody does not even offer ANONYMOUS once the host takes passwords.
    assert outcome.reason in ("mechanism not offered", "not-authorized")


def test_anonymous_login_is_accepted_on_the_guest_domain(converged):
    testhost, _, _ = converged
    outcome = login(testhost.address, GUEST)
    assert outcome.accepted, outcome.reason


def test_prosody_config_check_reports_nothing_the_deploy_added(converged):
    testhost, _, _ = converged
    check = testhost("prosodyctl", "check", "config", check=False)
    assert "Error" not in check.stdout + check.stderr, check.stdout + check.stderr


def test_conf_d_entry_is_still_a_link(converged):
    testhost, _, _ = converged
    link = testhost("readlink", f"/etc/prosody/conf.d/{DOMAIN}.cfg.lua")
    assert link.stdout.strip().endswith(f"conf.avail/{DOMAIN}.cfg.lua")


def test_services_run(converged):
    testhost, _, _ = converged
    active = testhost("systemctl", "is-active", "prosody", "jicofo", check=False)
    assert active.stdout.split() == ["active", "active"]


def test_config_js_on_the_host_still_runs(converged):
    testhost, _, _ = converged
    text = testhost("cat", f"/etc/jitsi/meet/{DOMAIN}-config.js").stdout
    assert config_of(text)["hosts"]["anonymousdomain"] == GUEST


def test_jicofo_conf_on_the_host_parses_with_the_login_url(converged):
    testhost, _, _ = converged
    config = ConfigFactory.parse_string(testhost("cat", "/etc/jitsi/jicofo/jicofo.conf").stdout)
    assert config.get("jicofo.authentication.login-url") == DOMAIN
