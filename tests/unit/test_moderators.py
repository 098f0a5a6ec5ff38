"""Moderator accounts: names, the account-exists decision, temporary passwords, secrecy."""

import json
import os
import stat

import pytest

from hardening import moderators, settings
from hardening.errors import HardeningError
from tasks.apply import apply_changes
from tasks.moderators import moderator_accounts
from tasks.secure_domain import secure_domain
from tests.fake_server import FakeRun

from .test_tasks_fake import DOMAIN, lay_out

# Shell, Lua and quoting characters: all must reach Prosody unchanged.
PASSWORD = "a b $HOME 'q' \"dq\" ;&|`id` $(id) \\ ]] --[[ end"


@pytest.mark.parametrize("name", ["alice", "anna-lena", "bob.smith", "x", "a_1", "0day"])
def test_valid_usernames(name):
    assert settings.username("jitsi_moderators", name) == name


@pytest.mark.parametrize(
    "name",
    [
        "",
        "Alice",
        "a b",
        "a;b",
        "a$b",
        "a'b",
        'a"b',
        "a`b",
        "a\nb",
        "-a",
        "a-",
        "a..b",
        "a@b",
        "a/b",
        "ä",
        "a" * 65,
        7,
        None,
    ],
)
def test_usernames_with_anything_a_shell_or_lua_reads_are_refused(name):
    with pytest.raises(HardeningError) as error:
        settings.usernames("jitsi_moderators", [name])
    assert str(error.value).startswith("setting jitsi_moderators = ")
    assert "\n" not in str(error.value)


def test_moderators_must_be_a_list_and_each_name_once():
    with pytest.raises(HardeningError, match="a list of usernames"):
        settings.usernames("jitsi_moderators", "alice")
    with pytest.raises(HardeningError, match=r"alice repeated"):
        settings.usernames("jitsi_moderators", ["alice", "bob", "alice"])


def test_a_name_cannot_be_both_kept_and_deleted():
    data = {
        "jitsi_domain": DOMAIN,
        "jitsi_moderators": ["alice"],
        "jitsi_moderators_absent": ["alice"],
    }
    with pytest.raises(HardeningError, match="jitsi_moderators_absent"):
        settings.read(data.get, lambda: DOMAIN)


def test_account_file_uses_prosodys_file_store_encoding():
    assert (
        moderators.account_file("meet.example.org", "anna-lena.x_y")
        == "/var/lib/prosody/meet%2eexample%2eorg/accounts/anna%2dlena%2ex%5fy.dat"
    )


def test_environment_variable_names():
    assert moderators.env_name("anna-lena.x") == "JITSI_PASSWORD_ANNA_LENA_X"


def test_password_from_the_environment_wins(tmp_path):
    found = moderators.temporary_password(
        DOMAIN, "alice", tmp_path, {"JITSI_PASSWORD_ALICE": PASSWORD}
    )
    assert found.secret.reveal() == PASSWORD
    assert found.source == "$JITSI_PASSWORD_ALICE" and not found.generated
    assert not any(tmp_path.iterdir())


def test_password_from_the_secrets_file(tmp_path):
    (tmp_path / DOMAIN).mkdir()
    (tmp_path / DOMAIN / "alice").write_text(PASSWORD + "\n")
    found = moderators.temporary_password(DOMAIN, "alice", tmp_path, {})
    assert found.secret.reveal() == PASSWORD
    assert found.source == str(tmp_path / DOMAIN / "alice")


def test_a_generated_password_is_written_with_mode_0600_and_reused(tmp_path):
    first = moderators.temporary_password(DOMAIN, "alice", tmp_path, {})
    path = tmp_path / DOMAIN / "alice"
    assert first.generated and first.source == str(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert len(first.secret.reveal()) >= 20
    again = moderators.temporary_password(DOMAIN, "alice", tmp_path, {})
    assert again.secret == first.secret and not again.generated


@pytest.mark.parametrize(
    "bad", ["two\nlines", "nul\0", "cr\rx", "tab\tx", "nel\u0085x", "private\ue000"]
)
def test_passwords_prosodyctl_cannot_read_are_refused_without_showing_them(tmp_path, bad):
    with pytest.raises(HardeningError) as error:
        moderators.temporary_password(DOMAIN, "alice", tmp_path, {"JITSI_PASSWORD_ALICE": bad})
    assert "JITSI_PASSWORD_ALICE" in str(error.value)
    assert bad not in str(error.value)


def test_a_secret_prints_as_a_mask():
    secret = moderators.Secret(PASSWORD)
    assert PASSWORD not in repr(secret) + str(secret) + f"{secret}" + json.dumps(str(secret))


def server_with_accounts(tmp_path, *users):
    root = lay_out(tmp_path / "server")
    for user in users:
        path = root / moderators.account_file(DOMAIN, user).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("return { };\n")
    live = root / f"etc/letsencrypt/live/{DOMAIN}"
    live.mkdir(parents=True)
    return root


def moderator_run(tmp_path, root, **data):
    os.environ["JITSI_PASSWORD_ALICE"] = PASSWORD
    try:
        return FakeRun(
            root,
            {"jitsi_domain": DOMAIN, "jitsi_secrets_dir": str(tmp_path / "secrets"), **data},
            [secure_domain, moderator_accounts, apply_changes],
        )
    finally:
        del os.environ["JITSI_PASSWORD_ALICE"]


def test_only_missing_accounts_are_created(tmp_path):
    root = server_with_accounts(tmp_path, "bob")
    run = moderator_run(tmp_path, root, jitsi_moderators=["alice", "bob", "carol"])
    created = [name for name, _ in run.operations() if "create the moderator" in name]
    assert created == [
        f"Moderators | Prosody: create the moderator alice@{DOMAIN}",
        f"Moderators | Prosody: create the moderator carol@{DOMAIN}",
    ]
    # carol had no password anywhere: one was generated into the secrets directory.
    assert (tmp_path / "secrets" / DOMAIN / "carol").exists()
    assert not (tmp_path / "secrets" / DOMAIN / "alice").exists()


def test_removed_moderators_are_kept_unless_listed_as_absent(tmp_path):
    root = server_with_accounts(tmp_path, "alice", "dave", "erin")
    run = moderator_run(
        tmp_path, root, jitsi_moderators=["alice"], jitsi_moderators_absent=["dave", "frank"]
    )
    names = [name for name, _ in run.operations()]
    assert f"Moderators | Prosody: delete the account dave@{DOMAIN}" in names
    assert not any("erin" in name or "frank" in name or "create" in name for name in names)


def test_the_password_reaches_prosodyctl_unchanged_and_shows_nowhere(tmp_path, caplog, capsys):
    caplog.set_level("DEBUG")
    root = server_with_accounts(tmp_path)
    run = moderator_run(tmp_path, root, jitsi_moderators=["alice"])
    run.state.config.DIFF = True
    commands = run.execute()

    uploads = [content for path, content in run.uploads if "new-account" in path]
    assert uploads == [f"{PASSWORD}\n{PASSWORD}\n".encode()]
    adduser = next(c for c in commands if "adduser" in c)
    assert f"prosodyctl adduser alice@{DOMAIN} < /run/jitsi-hardening/" in adduser
    captured = capsys.readouterr()
    shown = "\n".join([caplog.text, captured.out, captured.err, *commands])
    for op_hash in run.state.get_op_order():
        shown += repr(run.state.get_op_data_for_host(run.host, op_hash).global_arguments)
        shown += repr(run.state.get_op_meta(op_hash))
    assert "`id`" not in shown and PASSWORD not in shown


def test_names_sharing_a_password_variable_are_refused():
    data = {"jitsi_domain": DOMAIN, "jitsi_moderators": ["anna-lena", "anna.lena"]}
    with pytest.raises(HardeningError, match=r"\$JITSI_PASSWORD_ANNA_LENA"):
        settings.read(data.get, lambda: DOMAIN)


def test_non_ascii_letters_and_spaces_are_fine_in_a_password(tmp_path):
    value = "Grüße aus Köln, 42 €"
    found = moderators.temporary_password(
        DOMAIN, "alice", tmp_path, {"JITSI_PASSWORD_ALICE": value}
    )
    assert found.secret.reveal() == value
