"""What each section wants to change, decided from a Snapshot without touching a server.

The tasks turn these plans into pyinfra operations; the offline renderer applies them to
a local copy of a server. Both therefore make exactly the same edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hardening import (
    certs,
    configjs,
    fail2ban,
    jicofo,
    logauth,
    moderators,
    nginx,
    prosody,
    sqlstore,
)
from hardening.errors import HardeningError
from hardening.layout import Layout
from hardening.settings import Settings
from hardening.snapshot import Snapshot

# Checkers whose complaints about the live config must not grow with an edit. Their output
# loses what changes on every run (time, process id) and the lines that report success, so
# that only complaints are compared.
PROSODY_CHECK = "prosodyctl check config 2>&1 | grep -v 'All checks passed'"
NGINX_CHECK = (
    "nginx -t 2>&1 | sed -E 's#^[0-9/]+ [0-9:]+ ##; s/[0-9]+#[0-9]+: //'"
    " | grep -v -e 'syntax is ok$' -e 'test is successful$'"
)


def server_paths(settings: Settings) -> tuple[tuple[str, ...], ...]:
    """What the deploy reads from a server, in its one read: file contents, paths whose
    existence matters, and the digests of certificates and keys."""
    layout = Layout(settings.domain)
    cert_paths = certs.Paths(settings.domain, settings.live)
    accounts = [
        moderators.account_file(settings.domain, user)
        for user in (*settings.moderators, *settings.moderators_absent)
    ]
    read = (*layout.reads(), certs.HOOK, *logauth.reads(), *fail2ban.reads())
    look = (
        *layout.looks(),
        *cert_paths.looks(),
        *accounts,
        *logauth.looks(),
        *fail2ban.looks(),
        *(pending_restart(service) for service, _action in SERVICES),
        sqlstore.DRIVER_MARK,
    )
    return read, look, cert_paths.digests()


# Services whose state the deploy reads, in its one read of the server.
UNITS = ("prosody", "jicofo", "jitsi-videobridge2", "nginx", "fail2ban")

# What the deploy restarts (or reloads), in this order: Prosody first, since Jicofo and the
# videobridge connect to it; nginx reloads (no meeting drops) before fail2ban starts
# reading the addresses it passes.
SERVICES = (
    ("prosody", "restart"),
    ("jicofo", "restart"),
    ("jitsi-videobridge2", "restart"),
    ("nginx", "reload"),
    ("fail2ban", "restart"),
)

# A root-only directory on tmpfs: new accounts' passwords wait here for prosodyctl, and a
# marker per service whose config changed stays until that service was restarted, so that
# a run stopped before its restarts (a failure, a kill) has the next run do them. A reboot
# empties it, and restarts everything anyway.
RUN_DIR = "/run/jitsi-hardening"


def pending_restart(service: str) -> str:
    return f"{RUN_DIR}/restart-{service}"


def server_commands(wanted: Settings) -> tuple[tuple[str, str], ...]:
    """Commands whose output the deploy's one read of the server includes: with a shared
    account store, the accounts the running Prosody knows."""
    if wanted.sql is None:
        return ()
    return (("accounts", sqlstore.list_accounts_command(wanted.domain)),)


def account_exists(wanted: Settings, snapshot: Snapshot, user: str) -> bool:
    """Whether a moderator's account exists: in Prosody's file store, or in the shared SQL
    store as the running Prosody reports it (when it cannot tell, creation is tried, and
    prosodyctl leaves an existing account alone)."""
    if wanted.sql is None:
        return snapshot.exists(moderators.account_file(wanted.domain, user))
    known = sqlstore.accounts(snapshot.outputs.get("accounts", []), wanted.domain)
    return known is not None and user in known


@dataclass(frozen=True)
class FileEdit:
    name: str  # what the edit makes true, as an imperative sentence
    path: str
    transform: Callable[[str], str]
    service: str | None  # the service to restart when the file changed
    check: str | None = None  # a command that checks the live config after the edit


def apply(edit: FileEdit, text: str) -> str:
    """Run an edit, naming the file in the error when it refuses."""
    try:
        return edit.transform(text)
    except prosody.EditError as error:
        raise HardeningError(f"{edit.path}: {error}") from None


def secure_domain(meeting: str, guest: str, snapshot: Snapshot) -> list[FileEdit]:
    """Section 1: a login opens a room, guests join through the anonymous guest domain."""
    layout = Layout(meeting)
    vhost = layout.prosody_file(snapshot)

    if snapshot.exists(layout.plugins_dir):
        has_module: bool | None = snapshot.exists(layout.jitsi_anonymous_module)
    else:
        has_module = None
    try:
        before = prosody.host_authentication(snapshot.text(vhost), meeting)
    except prosody.EditError as error:
        raise HardeningError(f"{vhost}: {error}") from None
    provider = prosody.guest_provider(has_module, before)

    def harden_vhost(text: str) -> str:
        text = prosody.require_login(text, meeting)
        return prosody.add_guest_host(text, meeting, guest, provider)

    edits = [
        FileEdit(
            f"Prosody: require a login on {meeting} and let guests in through {guest}",
            vhost,
            harden_vhost,
            "prosody",
            PROSODY_CHECK,
        ),
        FileEdit(
            f"Jitsi Meet: send guests to {guest}",
            layout.config_js,
            lambda text: configjs.set_anonymous_domain(text, guest),
            None,
        ),
    ]

    has_conf = snapshot.exists(layout.jicofo_conf)
    has_properties = snapshot.exists(layout.sip_properties)
    if not has_conf and not has_properties:
        raise layout.missing_jicofo()
    if has_conf:
        edits.append(
            FileEdit(
                f"Jicofo: open rooms only for users logged in on {meeting}",
                layout.jicofo_conf,
                lambda text: jicofo.set_authentication(text, meeting),
                "jicofo",
            )
        )
    if has_properties:
        edits.append(
            FileEdit(
                f"Jicofo: point the auth URL of sip-communicator.properties at {meeting}",
                layout.sip_properties,
                lambda text: jicofo.set_properties_auth_url(text, meeting, not has_conf),
                "jicofo",
            )
        )
    return edits


# Modules the meeting host needs for moderators: in-band registration's password change.
MODERATOR_MODULES = ("register",)


def moderator_logins(meeting: str, snapshot: Snapshot, sql=None) -> FileEdit:
    """Section 4: moderators change their own password over XMPP, always encrypted.

    In-band registration's change-password is loaded on the meeting host with open
    registration off; the host's XMPP port requires TLS, while BOSH and websocket (behind
    nginx's TLS) stay accepted as secure.
    """
    layout = Layout(meeting)
    vhost = layout.prosody_file(snapshot)

    def moderator_options(text: str) -> str:
        text = prosody.add_modules(text, meeting, MODERATOR_MODULES)
        text = prosody.set_option(text, meeting, "allow_registration", "false")
        text = prosody.set_option(text, meeting, "c2s_require_encryption", "true")
        for web in ("consider_bosh_secure", "consider_websocket_secure"):
            if prosody.global_option(text, web) != "true":
                text = prosody.set_option(text, meeting, web, "true")
        if sql is not None:
            text = sqlstore.use_sql_accounts(text, meeting, sql)
        return text

    return FileEdit(
        f"Prosody: moderators change their own password on {meeting}, over TLS only",
        vhost,
        moderator_options,
        "prosody",
        PROSODY_CHECK,
    )


def log_failed_logins(meeting: str, snapshot: Snapshot) -> FileEdit:
    """Section 5: mod_log_auth on every host of the file that takes passwords."""
    return FileEdit(
        "Prosody: log failed logins with the client's address (mod_log_auth)",
        Layout(meeting).prosody_file(snapshot),
        logauth.enable,
        "prosody",
        PROSODY_CHECK,
    )


def pass_client_address(meeting: str, snapshot: Snapshot) -> FileEdit:
    """Section 6: nginx passes the client's address on every XMPP path of Jitsi's site."""
    site = Layout(meeting).nginx_site
    if not snapshot.exists(site):
        raise HardeningError(
            f"{site}: missing; web logins reach Prosody through Jitsi's nginx site, which "
            "this deploy must edit so that failed ones are logged with the client's address"
        )
    return FileEdit(
        "nginx: pass the client's address to Prosody on every XMPP path",
        site,
        nginx.pass_client_address,
        "nginx",
        NGINX_CHECK,
    )


def behind_turn_multiplexer(meeting: str, snapshot: Snapshot) -> str | None:
    """The enabled stream file of Jitsi's 2020 TURN multiplexer, when web clients reach
    nginx's site through it (all from 127.0.0.1, so web logins cannot be banned); else
    None. The entry in modules-enabled is followed when it is a link."""
    layout = Layout(meeting)
    path = snapshot.resolve(layout.nginx_stream)
    state = snapshot.get(path)
    if state.kind != "file" or state.content is None:
        return None
    return path if nginx.behind_turn_multiplexer(state.content) else None


@dataclass(frozen=True)
class FileInstall:
    name: str
    path: str
    text: str
    service: str | None


def fail2ban_files(
    wanted: fail2ban.Fail2banSettings, snapshot: Snapshot, banaction: str | None = None
) -> list[FileInstall]:
    """Section 6: the files fail2ban needs, in the order they must be installed: the sshd
    fix first (without it fail2ban cannot start or test anything), the filter before the
    jail that names it. The ban action follows the firewall tools the server has, unless
    `banaction` is given."""
    banaction = banaction or fail2ban.banaction_for(
        has_nft=snapshot.exists(fail2ban.NFT), has_iptables=snapshot.exists(fail2ban.IPTABLES)
    )
    files = fail2ban.render(wanted, banaction)
    items = []
    if not snapshot.exists(fail2ban.AUTH_LOG) or snapshot.exists(fail2ban.SSHD_JOURNAL):
        items.append(
            FileInstall(
                "fail2ban: the sshd jail reads the journal (this server has no auth.log)",
                fail2ban.SSHD_JOURNAL,
                fail2ban.sshd_journal(),
                "fail2ban",
            )
        )
    items += [
        FileInstall(
            "fail2ban: filter prosody-auth for mod_log_auth's lines",
            fail2ban.FILTER,
            files[fail2ban.FILTER],
            "fail2ban",
        ),
        FileInstall(
            "fail2ban: jail prosody on the web and XMPP ports",
            fail2ban.JAIL,
            files[fail2ban.JAIL],
            "fail2ban",
        ),
        FileInstall(
            "fail2ban: forget failed logins after the purge age",
            fail2ban.PURGE,
            files[fail2ban.PURGE],
            "fail2ban",
        ),
    ]
    return items


def hardened_files(
    wanted: Settings, snapshot: Snapshot, banaction: str | None = None
) -> dict[str, str]:
    """{path: text} of every file the deploy edits or writes, as a whole run leaves them.

    The offline renderer writes these; the live audit compares a server with them. The
    tasks plan the very same edits section by section."""
    edits = secure_domain(wanted.domain, wanted.guest, snapshot)
    edits.append(moderator_logins(wanted.domain, snapshot, wanted.sql))
    edits.append(log_failed_logins(wanted.domain, snapshot))
    edits.append(pass_client_address(wanted.domain, snapshot))
    results: dict[str, str] = {}
    for item in edits:
        current = results.get(item.path)
        if current is None:
            current = snapshot.text(item.path)
        results[item.path] = apply(item, current)
    results[certs.HOOK] = certs.hook_script(certs.Paths(wanted.domain, wanted.live))
    for installed in fail2ban_files(wanted.fail2ban, snapshot, banaction):
        results[installed.path] = installed.text
    return results
