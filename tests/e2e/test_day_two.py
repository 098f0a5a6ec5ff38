"""Day two on the disposable test host: the live audit, the ad-hoc operations, and a
deploy after a package upgrade laid a stock file over a hardened one."""

import subprocess
import time

import pytest

from tests.conftest import ROOT, TESTHOST
from tests.deploys import PASSWORD, deploy, inventory, totals
from tests.network import connects, refused_soon, wait_for_port
from tests.xmpp_probe import login

pytestmark = pytest.mark.e2e

DOMAIN = "meet.example.org"
VHOST = f"/etc/prosody/conf.avail/{DOMAIN}.cfg.lua"
HOOK = "/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh"
BOB = "bob's temporary: $x ;'\""


@pytest.fixture(scope="module")
def host(day_two_host, tmp_path_factory):
    """The day-two host, converged, with its inventory file."""
    directory = tmp_path_factory.mktemp("day-two")
    day_two_host.inventory = inventory(directory, day_two_host.name, day_two_host.address)
    totals(deploy(day_two_host.inventory, "--json"))
    return day_two_host


def run(host, target: str, *arguments: str, env=None):
    """`pyinfra -y [--json] INVENTORY TARGET [arguments]`: verify.py or an admin.* operation."""
    options = [a for a in arguments if a.startswith("--")]
    given = tuple(a for a in arguments if not a.startswith("--"))
    return deploy(host.inventory, *options, deploy_file=target, arguments=given, env=env)


def verify(host):
    result = run(host, "verify.py")
    return result.returncode, result.stdout + result.stderr


def test_the_audit_passes_on_a_converged_host(host):
    status, output = verify(host)
    assert status == 0, output[-3000:]
    assert "hardened: every check passed" in output


BREAKAGES = {
    "guest host removed": (
        # Delete the guest VirtualHost's header and its two lines, as a careless edit might.
        f"sed -i '/^VirtualHost \"guest.{DOMAIN}\"/,+2d' {VHOST} && systemctl restart prosody",
        [f"guest.{DOMAIN}: anonymous login is not accepted", f"{VHOST}: no longer as the deploy"],
    ),
    "jail stopped": (
        "systemctl stop fail2ban",
        ["fail2ban: the prosody jail is not running", "fail2ban: inactive, not running"],
    ),
    "hook not executable": (
        f"chmod -x {HOOK}",
        [f"{HOOK}: not-executable, so renewals do not reach Prosody"],
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_the_audit_names_what_broke_and_the_deploy_repairs_it(host, breakage):
    command, expected = breakage
    host(command)
    status, output = verify(host)
    assert status != 0
    for finding in expected:
        assert finding in output, output[-3000:]
    assert "verify: " in output and " finding(s)" in output

    assert totals(deploy(host.inventory, "--json"))["error"] == 0
    status, output = verify(host)
    assert status == 0, output[-3000:]


def test_a_deploy_after_an_upgrade_laid_the_stock_file_back_converges(host):
    stock = (ROOT / "tests/golden/2024/before" / VHOST.lstrip("/")).read_text()
    # As the package's postinst would: the stock file over the hardened one, then a restart.
    subprocess.run(
        [str(TESTHOST), "ssh", host.name, f"cat > {VHOST} && systemctl restart prosody"],
        input=stock,
        text=True,
        check=True,
    )
    wait_for_port(host.address, 5222)
    assert login(host.address, DOMAIN).accepted  # anonymous again: the upgrade undid it
    assert verify(host)[0] != 0
    assert totals(deploy(host.inventory, "--json"))["success"] > 0
    assert not login(host.address, DOMAIN).accepted
    assert login(host.address, f"alice@{DOMAIN}", PASSWORD).accepted
    assert verify(host)[0] == 0
    assert totals(deploy(host.inventory, "--json"))["success"] == 0


def test_adding_listing_renewing_and_removing_a_moderator(host):
    env = {"JITSI_PASSWORD_BOB": BOB}
    added = run(host, "admin.add_moderator", "user=bob", env=env)
    assert added.returncode == 0, added.stderr[-2000:]
    assert "create the moderator bob@" in added.stdout + added.stderr
    assert login(host.address, f"bob@{DOMAIN}", BOB).accepted
    again = run(host, "admin.add_moderator", "user=bob", "--json", env={"JITSI_PASSWORD_BOB": "x"})
    assert totals(again)["success"] == 0  # an existing account is never touched
    assert login(host.address, f"bob@{DOMAIN}", BOB).accepted

    listed = run(host, "admin.list_moderators")
    assert f"Accounts on {DOMAIN}: alice, bob" in listed.stdout + listed.stderr

    renewed = run(host, "admin.new_password", "user=bob", env={"JITSI_PASSWORD_BOB": BOB + "2"})
    assert renewed.returncode == 0, renewed.stderr[-2000:]
    assert login(host.address, f"bob@{DOMAIN}", BOB + "2").accepted
    assert not login(host.address, f"bob@{DOMAIN}", BOB).accepted
    for output in (added, again, listed, renewed):
        assert BOB not in output.stdout + output.stderr

    removed = run(host, "admin.remove_moderator", "user=bob")
    assert removed.returncode == 0
    assert not login(host.address, f"bob@{DOMAIN}", BOB + "2").accepted
    assert totals(run(host, "admin.remove_moderator", "user=bob", "--json"))["success"] == 0


def test_bad_input_to_an_operation_is_one_line_and_changes_nothing(host):
    result = run(host, "admin.add_moderator", "user=bob;reboot")
    assert result.returncode != 0
    assert "setting user = 'bob;reboot' is not valid" in result.stdout + result.stderr
    result = run(host, "admin.unban", "address=10.0.0.999")
    assert "setting address = '10.0.0.999' is not valid" in result.stdout + result.stderr


def test_jail_status_and_unban(host):
    for _ in range(5):
        assert not login(host.address, f"nobody@{DOMAIN}", "wrong").accepted
    outside = host.address.rsplit(".", 1)[0] + ".1"
    for _ in range(100):
        status = run(host, "admin.jail_status")
        if outside in status.stdout + status.stderr:
            break
        time.sleep(0.1)
    assert "Banned IP list:" in status.stdout + status.stderr
    assert outside in status.stdout + status.stderr
    assert refused_soon(host.address, 5222)

    unbanned = run(host, "admin.unban", f"address={outside}")
    assert unbanned.returncode == 0, unbanned.stderr[-2000:]
    assert connects(host.address, 5222)
    assert totals(run(host, "admin.unban", f"address={outside}", "--json"))["success"] == 0


def test_reimport_the_certificate_now(host):
    # A renewal whose hook could not run: Prosody still has the old certificate.
    host(f"chmod -x {HOOK}")
    renew = host("certbot renew --force-renewal --no-random-sleep-on-renew", check=False)
    assert renew.returncode == 0, renew.stdout + renew.stderr
    assert "cert.pem" in verify(host)[1] or "not the live certificate" in verify(host)[1]

    imported = run(host, "admin.reimport_certificate", "--json")
    assert totals(imported)["success"] == 1
    assert totals(run(host, "admin.reimport_certificate", "--json"))["success"] == 0
    host(f"chmod +x {HOOK}")
    status, output = verify(host)
    assert status == 0, output[-3000:]
