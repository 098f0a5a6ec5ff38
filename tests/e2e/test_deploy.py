"""The whole deploy, over real SSH, on the disposable Debian 12 test host.

The steps depend on each other and run in file order: converge, idempotence, verify.
"""

import json
import subprocess
import time

import pytest
from pyhocon import ConfigFactory

from tests.conftest import NAME, ROOT
from tests.deploys import PASSWORD  # shell, Lua and quote characters: must reach Prosody as is
from tests.deploys import deploy as run_deploy
from tests.js import config_of
from tests.network import connects, refused_soon
from tests.web_probe import web_login
from tests.xmpp_probe import login

pytestmark = pytest.mark.e2e

DOMAIN = "meet.example.org"
GUEST = f"guest.{DOMAIN}"
MODERATOR = f"alice@{DOMAIN}"
CERTS = "/etc/prosody/certs"
LIVE = f"/etc/letsencrypt/live/{DOMAIN}"

TESTHOST_INVENTORY = ROOT / "inventories" / "testhost.py"

outputs: list[str] = []  # everything each deploy printed, for the secrecy check


def deploy() -> dict:
    """The deploy with the test host's own inventory, as README's first command runs it."""
    result = run_deploy(TESTHOST_INVENTORY, "--json", env={"JITSI_TESTHOST": NAME})
    outputs.append(result.stdout + result.stderr)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def converged(testhost):
    first = deploy()
    second = deploy()
    return testhost, first, second


def ca_file(testhost) -> str:
    """pebble's roots: the ACME server's CA, standing in for Let's Encrypt's."""
    return str(testhost.state / "pebble-roots.pem")


def leaf(pem: str) -> str:
    """The first certificate of a PEM chain, whitespace-normalised."""
    first = pem.split("-----END CERTIFICATE-----")[0]
    return "".join(first.split()) + "-----ENDCERTIFICATE-----"


def test_converge_succeeds_and_changes_the_three_files(converged):
    _, first, _ = converged
    changed = [op["name"] for op in first["results"]["operations"] if op["success"]]
    assert first["results"]["totals"]["error"] == 0
    assert any("Prosody: require a login" in name for name in changed)
    assert any("Jitsi Meet: send guests" in name for name in changed)
    assert any("Jicofo: open rooms only" in name for name in changed)
    assert any("import the Let's Encrypt certificate" in name for name in changed)
    assert any("re-import the certificate" in name for name in changed)
    assert any(f"create the moderator {MODERATOR}" in name for name in changed)
    assert any("log failed logins" in name for name in changed)
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


def test_failed_logins_are_logged_with_the_clients_address(converged):
    testhost, _, _ = converged
    outside = testhost.address.rsplit(".", 1)[0] + ".1"  # this machine's end of the veth
    for jid in (f"nobody@{DOMAIN}", f"focus@auth.{DOMAIN}"):
        assert not login(testhost.address, jid, "wrong").accepted
    log = testhost("cat", "/var/log/prosody/prosody.log").stdout
    for jid in (f"nobody@{DOMAIN}", f"focus@auth.{DOMAIN}"):
        line = f"Failed authentication attempt (not-authorized) for user {jid} from IP: {outside}"
        assert line in log


def test_only_mod_log_auth_of_the_pinned_checkout_is_visible(converged):
    testhost, _, _ = converged
    wanted = (testhost.state / "prosody-modules-rev").read_text().strip()
    assert testhost("hg", "-R", "/opt/prosody-modules", "id", "-i").stdout.strip() == wanted[:12]
    visible = testhost("ls", "-l", "/usr/local/lib/jitsi-hardening/prosody-modules").stdout
    assert visible.count(" -> ") == 1
    assert "mod_log_auth.lua -> /opt/prosody-modules/mod_log_auth/mod_log_auth.lua" in visible


def test_the_password_never_shows_in_the_deploys_output(converged):
    assert len(outputs) >= 2
    for output in outputs:
        assert PASSWORD not in output
        assert "`id`" not in output


def test_moderator_logs_in_and_sees_the_acme_certificate(converged):
    testhost, _, _ = converged
    outcome = login(testhost.address, MODERATOR, PASSWORD, ca_file=ca_file(testhost))
    assert outcome.accepted, outcome.reason  # verified against pebble's CA, name included
    live = testhost("cat", f"{LIVE}/cert.pem").stdout
    assert leaf(outcome.certificate) == leaf(live)


def test_prosody_has_the_full_chain_and_a_key_only_it_can_read(converged):
    testhost, _, _ = converged
    crt = testhost("cat", f"{CERTS}/{DOMAIN}.crt").stdout
    assert crt == testhost("cat", f"{LIVE}/fullchain.pem").stdout
    assert crt.count("BEGIN CERTIFICATE") >= 2
    key = testhost("stat", "-c", "%U:%G:%a", f"{CERTS}/{DOMAIN}.key").stdout.split()
    assert key == ["prosody:prosody:400"]
    assert testhost("ls", CERTS).stdout.count(".bkp~") == 0


def test_auth_domain_keeps_its_self_signed_certificate(converged):
    testhost, _, _ = converged
    link = testhost("readlink", f"{CERTS}/auth.{DOMAIN}.crt").stdout.strip()
    assert link == f"/var/lib/prosody/auth.{DOMAIN}.crt"


def test_renewal_hook_is_root_owned_and_executable(converged):
    testhost, _, _ = converged
    hook = "/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh"
    assert testhost("stat", "-c", "%U:%G:%a", hook).stdout.split() == ["root:root:755"]


def test_a_password_changed_in_band_survives_the_next_deploy(converged):
    testhost, _, _ = converged
    new = "chosen by alice: $(nope) 'x'"
    changed = login(
        testhost.address, MODERATOR, PASSWORD, ca_file=ca_file(testhost), new_password=new
    )
    assert changed.accepted, changed.reason

    again = deploy()
    assert again["results"]["totals"]["success"] == 0
    assert login(testhost.address, MODERATOR, new, ca_file=ca_file(testhost)).accepted
    old = login(testhost.address, MODERATOR, PASSWORD, ca_file=ca_file(testhost))
    assert not old.accepted and old.reason == "not-authorized"


def test_renewal_runs_the_hook_and_prosody_serves_the_new_certificate_without_restart(
    converged,
):
    testhost, _, _ = converged
    before_pid = testhost("systemctl", "show", "-P", "MainPID", "prosody").stdout.strip()
    before_leaf = leaf(testhost("cat", f"{LIVE}/cert.pem").stdout)

    renew = testhost(
        "certbot", "renew", "--force-renewal", "--no-random-sleep-on-renew", check=False
    )
    assert renew.returncode == 0, renew.stdout + renew.stderr
    # certbot ran the hook, which imported the renewed certificate for the meeting domain only
    assert "Hook 'post-hook' ran with output" in renew.stdout
    assert f"Imported certificate and key for hosts {DOMAIN}\n" in renew.stdout

    renewed = leaf(testhost("cat", f"{LIVE}/cert.pem").stdout)
    assert renewed != before_leaf
    outcome = login(testhost.address, GUEST)  # Prosody still serves after the reload
    assert outcome.accepted, outcome.reason
    moderator = login(testhost.address, MODERATOR, "wrong", ca_file=ca_file(testhost))
    assert leaf(moderator.certificate) == renewed
    assert testhost("systemctl", "show", "-P", "MainPID", "prosody").stdout.strip() == before_pid
    assert testhost("ls", CERTS).stdout.count(".bkp~") == 0

    assert deploy()["results"]["totals"]["success"] == 0


# Bans. This machine's end of the veth pair (A) fails over XMPP; two more addresses on it
# stand for other clients: C fails over the web (websocket through nginx) while claiming
# to be B in a forged X-Forwarded-For header; B never fails.


def banned(testhost) -> list[str]:
    status = testhost("fail2ban-client", "status", "prosody").stdout
    return status.rsplit("Banned IP list:", 1)[-1].split()


def wait_for_ban(testhost, address: str) -> list[str]:
    for _ in range(100):
        now = banned(testhost)
        if address in now:
            return now
        time.sleep(0.1)
    return banned(testhost)


@pytest.fixture(scope="module")
def clients(converged):
    testhost, _, _ = converged
    prefix = testhost.address.rsplit(".", 1)[0]
    a, b, c = f"{prefix}.1", f"{prefix}.5", f"{prefix}.6"
    veth = f"jth-{NAME}"
    for extra in (b, c):
        subprocess.run(["ip", "addr", "add", f"{extra}/32", "dev", veth], check=True)
    testhost("ip", "route", "add", f"{prefix}.4/30", "via", a, "dev", "eth0")
    yield testhost, a, b, c
    testhost("fail2ban-client", "unban", "--all", check=False)
    for extra in (b, c):
        subprocess.run(["ip", "addr", "del", f"{extra}/32", "dev", veth], check=False)


def test_fail2ban_runs_with_the_prosody_jail_on_the_file_backend(converged):
    testhost, _, _ = converged
    assert testhost("systemctl", "is-active", "fail2ban").stdout.strip() == "active"
    assert "prosody" in testhost("fail2ban-client", "status").stdout
    assert testhost("fail2ban-client", "get", "sshd", "logpath", check=False).returncode == 0
    dump = testhost("fail2ban-client", "-d").stdout
    assert "['add', 'prosody', 'auto']" in dump


def test_failed_web_logins_ban_the_real_client_not_the_forged_address(clients):
    testhost, _, b, c = clients
    for _ in range(5):
        assert (
            web_login(testhost.address, DOMAIN, "nobody", "wrong", source=c, forwarded_for=b)
            == "not-authorized"
        )
    now = wait_for_ban(testhost, c)
    assert c in now and b not in now
    assert refused_soon(testhost.address, 443, c)


def test_failed_xmpp_logins_ban_the_client(clients):
    testhost, a, b, _ = clients
    for _ in range(5):
        assert not login(testhost.address, f"nobody@{DOMAIN}", "wrong").accepted
    now = wait_for_ban(testhost, a)
    assert a in now and b not in now
    assert refused_soon(testhost.address, 5222, a)


def test_an_address_that_never_failed_is_not_banned(clients):
    testhost, _, b, _ = clients
    assert b not in banned(testhost)
    assert connects(testhost.address, 443, b)
    assert connects(testhost.address, 5222, b)
