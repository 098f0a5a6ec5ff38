"""Golden cases: stock files of each Jitsi era, rendered, compared with reviewed results.

tests/golden/<case>/before/ is a copy of a server's files (see tests/golden/SOURCES.md for
where each came from); after/ holds what the deploy must make of them, reviewed by hand.
To refresh after/ once a change is intended: `python -m tests.update_golden CASE`, which
prints the diff to read before committing it.
"""

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyhocon import ConfigFactory

import render
from tests.js import config_of
from tests.lua_config import load

GOLDEN = Path(__file__).parent.parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "before").is_dir())
DOMAIN = "meet.example.org"
GUEST = "guest.meet.example.org"


def rendered(case: str) -> dict[str, str]:
    return render.render(str(GOLDEN / case / "before"), DOMAIN, None)


def unified(path: str, expected: str, actual: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), f"after{path}", f"rendered{path}"
        )
    )


def test_there_are_cases_of_three_eras():
    assert {"2020", "2022", "2024"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_render_matches_the_reviewed_result(case):
    after = GOLDEN / case / "after"
    files = rendered(case)
    expected_paths = sorted(
        "/" + str(p.relative_to(after)) for p in after.rglob("*") if p.is_file()
    )
    assert sorted(files) == expected_paths
    for path, text in files.items():
        expected = (after / path.lstrip("/")).read_bytes().decode()
        assert text == expected, unified(path, expected, text)


@pytest.mark.parametrize("case", CASES)
def test_rendering_the_result_again_changes_nothing(case, tmp_path):
    overlaid = tmp_path / "overlaid"
    shutil.copytree(GOLDEN / case / "before", overlaid, symlinks=True)
    files = rendered(case)
    render.write(str(overlaid), files)
    assert render.render(str(overlaid), DOMAIN, None) == files


LOG_AUTH_DIR = "/usr/local/lib/jitsi-hardening/prosody-modules"


@pytest.mark.parametrize("case", CASES)
def test_prosody_hosts_as_lua_reads_them(case):
    files = rendered(case)
    before_text = next(
        (GOLDEN / case / "before" / p.lstrip("/")).read_text() for p in files if p.endswith(".lua")
    )
    hosts_before, _ = load(before_text)
    hosts, order = load(next(t for p, t in files.items() if p.endswith(".cfg.lua")))
    assert hosts[DOMAIN]["authentication"] == "internal_hashed"
    assert hosts[GUEST]["authentication"] in ("anonymous", "jitsi-anonymous")
    assert hosts[GUEST]["c2s_require_encryption"] is False
    assert order.index(GUEST) == order.index(DOMAIN) + 1
    assert hosts[DOMAIN]["c2s_require_encryption"] is True
    assert hosts[DOMAIN]["allow_registration"] is False
    assert {"register", "log_auth"} <= set(hosts[DOMAIN]["modules_enabled"])
    # Every other host keeps its settings, with only these additions: mod_log_auth's
    # directory on the global plugin path, and log_auth on the other password hosts.
    for name, settings in hosts_before.items():
        if name == DOMAIN:
            continue
        expected = dict(settings)
        if name == "*":
            expected["plugin_paths"] = [*settings["plugin_paths"], LOG_AUTH_DIR]
        elif name in (f"auth.{DOMAIN}", f"recorder.{DOMAIN}"):
            expected["modules_enabled"] = [*settings.get("modules_enabled", []), "log_auth"]
        assert hosts[name] == expected, f"{name} changed"


@pytest.mark.parametrize("case", CASES)
def test_config_js_runs_and_names_the_guest_domain(case):
    text = rendered(case)[f"/etc/jitsi/meet/{DOMAIN}-config.js"]
    assert config_of(text)["hosts"]["anonymousdomain"] == GUEST


@pytest.mark.parametrize("case", CASES)
def test_jicofo_is_told_to_require_a_login(case):
    files = rendered(case)
    if "/etc/jitsi/jicofo/jicofo.conf" in files:
        config = ConfigFactory.parse_string(files["/etc/jitsi/jicofo/jicofo.conf"])
        assert config.get("jicofo.authentication.enabled") is True
        assert config.get("jicofo.authentication.type") == "XMPP"
        assert config.get("jicofo.authentication.login-url") == DOMAIN
    properties = files.get("/etc/jitsi/jicofo/sip-communicator.properties")
    if properties is not None and "/etc/jitsi/jicofo/jicofo.conf" not in files:
        assert "org.jitsi.jicofo.auth.URL=XMPP:meet.example.org" in properties.splitlines()


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "render.py", *args],
        cwd=Path(__file__).parent.parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_writes_the_files(tmp_path):
    result = run_cli(
        "--root", str(GOLDEN / "2024" / "before"), "--out", str(tmp_path), "--domain", DOMAIN
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"etc/prosody/conf.avail/{DOMAIN}.cfg.lua").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--domain", "meet.example.org;rm -rf /"], "setting jitsi_domain"),
        (["--domain", DOMAIN, "--guest-domain", "guest.example.com"], "subdomain of"),
        (["--domain", "other.example.org"], "conf.d/other.example.org.cfg.lua: missing"),
    ],
)
def test_cli_bad_input_is_one_line_status_2_and_nothing_written(tmp_path, args, message):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep").write_text("as it was")
    result = run_cli("--root", str(GOLDEN / "2024" / "before"), "--out", str(out), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert sorted(os.listdir(out)) == ["keep"]
