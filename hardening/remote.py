"""The pyinfra side: one fact that reads the server, the operations that change it, and the
per-host run state the sections share.

Speed: a re-run that changes nothing must stay cheap, so everything the sections need is
read by one remote command (ServerFiles) per host and kept for the whole run, and the
operations below decide from that snapshot without reading the server again.
"""

from __future__ import annotations

import re
import shlex
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

from pyinfra import host, logger
from pyinfra.api import FactBase, FileUploadCommand, StringCommand, operation
from pyinfra.context import state
from pyinfra.operations.util.files import generate_color_diff

from hardening import plan, settings
from hardening.errors import HardeningError
from hardening.moderators import Secret
from hardening.snapshot import FileState, Snapshot, parse_remote, remote_command

# The suffix of the temporary file an edit is uploaded to, beside the file it replaces,
# so that the final rename is atomic.
TEMP_SUFFIX = ".jitsi-hardening.tmp"
BACKUP_SUFFIX = ".jitsi-hardening.bak"
RUN_DIR = plan.RUN_DIR
pending_restart = plan.pending_restart


def _mark(service: str | None) -> str:
    """Shell that records a pending restart before a file of `service` changes; $jh_had
    remembers whether one was pending already, so that an edit put back removes only its
    own record (install_script's `unmark`)."""
    if not service:
        return ""
    marker = pending_restart(service)
    return (
        f"install -d -m 0700 {RUN_DIR} && if [ -e {marker} ]; then jh_had=1; else jh_had=0; fi"
        f" && touch {marker} && "
    )


def _unmark(service: str | None) -> str:
    if not service:
        return ""
    return f'[ "$jh_had" = 1 ] || rm -f {pending_restart(service)}; '


class ServerFiles(FactBase):
    """Reads the content of `read` paths, the kind of `look` paths and the sha256 of
    `digest` paths in one remote command."""

    def command(
        self,
        read: tuple[str, ...],
        look: tuple[str, ...],
        digest: tuple[str, ...] = (),
        units: tuple[str, ...] = (),
        commands: tuple[tuple[str, str], ...] = (),
    ) -> str:
        return remote_command(read, look, digest, units, commands)

    def process(self, output: list[str]) -> Snapshot:
        return parse_remote(output)


class Lines(FactBase):
    """The lines a read-only command prints (none: an empty list)."""

    def command(self, command: str) -> str:
        return command

    def process(self, output: list[str]) -> list[str]:
        return output


class Fqdn(FactBase):
    """The host's fully qualified name, the default meeting domain."""

    def command(self) -> str:
        return "hostname -f"

    def process(self, output: list[str]) -> str:
        return output[0].strip()


@dataclass
class Run:
    """What one host's deploy knows and has planned so far."""

    settings: settings.Settings
    snapshot: Snapshot
    planned: dict[str, str] = field(default_factory=dict)  # path -> text after planned edits
    changes: dict[str, list] = field(default_factory=dict)  # service -> operations

    @property
    def domain(self) -> str:
        """The meeting domain."""
        return self.settings.domain

    def current(self, path: str) -> str:
        """The file's text as the operations planned so far will have left it."""
        if path in self.planned:
            return self.planned[path]
        return self.snapshot.text(path)

    def note_change(self, service: str | None, operation_meta) -> None:
        if service:
            self.changes.setdefault(service, []).append(operation_meta)


_runs: dict[int, Run] = {}


def current_run() -> Run:
    """The run state of the host being prepared: settings are validated and the server is
    read once, here, before any operation is planned.

    The meeting domain is `jitsi_domain` from the inventory, or else the host's FQDN (one
    more remote command: set jitsi_domain to save it).
    """
    key = (id(host.state), host.name)
    if key not in _runs:
        send_without_delay()
        wanted = settings.read(host.data.get, lambda: host.get_fact(Fqdn))
        read, look, digest = plan.server_paths(wanted)
        snapshot = host.get_fact(
            ServerFiles,
            read=read,
            look=look,
            digest=digest,
            units=plan.UNITS,
            commands=plan.server_commands(wanted),
        )
        _runs[key] = Run(wanted, snapshot)
    return _runs[key]


def send_without_delay() -> None:
    """Turn off Nagle's algorithm on the host's SSH socket.

    paramiko leaves it on, and each small command then waits about 40 ms for a delayed
    acknowledgement (PERFORMANCE.md): most of a no-op run's time on a fast link.
    """
    client = getattr(host.connector, "client", None)
    transport = client.get_transport() if client is not None else None
    sock = getattr(transport, "sock", None)
    if isinstance(sock, socket.socket):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


_SECRET = re.compile(
    r"""(?ix)
    ( (?:password|passwd|secret|token|key)[\w.-]* ["']? \s* [:=] \s* )  # key and separator
    ( ["'][^"']*["'] | [^\s,;]+ )                                   # its value
    """
)


def mask_secrets(line: str) -> str:
    """Hide the value of anything that looks like a password, secret, token or key."""
    return _SECRET.sub(lambda m: m.group(1) + "*MASKED*", line)


@operation()
def edit_file(
    path: str,
    transform: Callable[[str], str],
    current: str,
    check: str | None = None,
    service: str | None = None,
):
    """
    Edit a file that Jitsi owns through a pure function of its text.

    + path: the file to edit; its owner and mode are kept
    + transform: a function from the file's text to the wanted text, returning its input
      unchanged when the work is already done
    + current: the file's text as read by the deploy's single read of the server
    + check: a command that checks the live config; when its complaints grow after the
      edit, the previous file is put back and the operation fails
    + service: the service that reads the file; its restart is recorded as pending on the
      server before the file changes (see RUN_DIR)

    The new text is uploaded beside the file and renamed over it, so the file is never
    half written.

    **Example:**

    .. code:: python

        edit_file(
            name="Jitsi Meet: send guests to guest.meet.example.org",
            path="/etc/jitsi/meet/meet.example.org-config.js",
            transform=lambda text: configjs.set_anonymous_domain(text, "guest.meet.example.org"),
            current=run.current("/etc/jitsi/meet/meet.example.org-config.js"),
        )
    """
    new = transform(current)
    if new == current:
        host.noop(f"{path} already holds these settings")
        return

    if state.config.DIFF and not state.is_executing:
        logger.info(f"{host.print_prefix}Will modify {path}")
        for line in generate_color_diff(current.splitlines(True), new.splitlines(True)):
            logger.info("  %s", mask_secrets(line))

    temp = path + TEMP_SUFFIX
    yield FileUploadCommand(BytesIO(new.encode("utf-8")), temp)
    yield StringCommand(_mark(service) + install_script(path, temp, check, unmark=_unmark(service)))


def install_script(
    path: str,
    temp: str,
    check: str | None,
    *,
    same_owner: bool = True,
    replaces: bool = True,
    unmark: str = "",
) -> str:
    """Shell that moves `temp` over `path` (giving it the owner and mode of the file it
    replaces, with `same_owner`), undoing it when `check` reports a problem that was not
    there before: the previous file is put back, or a new file removed."""
    f, t, b = shlex.quote(path), shlex.quote(temp), shlex.quote(path + BACKUP_SUFFIX)
    steps = [f"chown --reference={f} {t}", f"chmod --reference={f} {t}"] if same_owner else []
    if not check:
        steps.append(f"mv -f {t} {f}")
        return " && ".join(steps)
    report = shlex.quote(f"{path}: {check.split()[0]} reports a new problem after the edit,")
    if replaces:
        keep, undo, undone = f"cp -p {f} {b}", f"mv -f {b} {f}", "file put back:"
    else:
        keep, undo, undone = "true", f"rm -f {f}", "new file removed:"
    steps += [
        keep,
        f"{{ {check} > {b}.before 2>&1 || true; }}",
        f"mv -f {t} {f}",
        f"{{ {check} > {b}.after 2>&1 || true; }}",
        f"if grep -vxF -f {b}.before {b}.after > {b}.new; then"
        f' {undo}; {unmark}echo {report} {shlex.quote(undone)} "$(head -n 1 {b}.new)" >&2;'
        f" rm -f {b}.before {b}.after {b}.new; exit 1; fi",
        f"rm -f {b} {b}.before {b}.after {b}.new",
    ]
    return " && ".join(steps)


# Services that systemd reports started before they serve: (a command that succeeds once
# the service answers, how many tenths of a second to wait for it). Prosody must listen for
# Jicofo and for the next read of the server (its admin shell); a fail2ban that does not
# answer bans nobody.
READY = {
    "prosody": ("bash -c ': < /dev/tcp/127.0.0.1/5222'", 100),
    "fail2ban": ("fail2ban-client ping", 50),
}


@operation(is_idempotent=False)
def restart(service: str, action: str = "restart"):
    """
    Restart or reload a systemd service (used with `_if`, so only when its files changed),
    wait until it answers where systemd cannot tell, then drop its pending-restart record.

    + service: the unit's name
    + action: restart, or reload where the service can take its new config without
      dropping connections (nginx)
    """
    unit = shlex.quote(service)
    command = f"systemctl {action} {unit}"
    if service in READY:
        check, tries = READY[service]
        command += (
            f" && for i in $(seq {tries}); do {check} > /dev/null 2>&1 && break; sleep 0.1;"
            f" done && {{ {check} > /dev/null 2>&1 || {{ echo '{service} does not answer:'"
            f' "$(systemctl status {unit} 2>&1 | tail -n 3)" >&2; exit 1; }}; }}'
        )
    yield StringCommand(f"{command} && rm -f {pending_restart(service)}")


# Known shortcoming: a file whose mode alone was wrong counts as changed, so its service
# (fail2ban) is restarted though its config is the same.
def install(run: Run, item: plan.FileInstall, mode: str = "644", check: str | None = None):
    """Plan the installation of a file this deploy owns (root-owned)."""
    operation_meta = install_file(
        name=item.name,
        path=item.path,
        text=item.text,
        current=run.snapshot.get(item.path),
        owner="root",
        group="root",
        mode=mode,
        check=check,
        service=item.service,
    )
    run.note_change(item.service, operation_meta)
    return operation_meta


def edit(run: Run, item: plan.FileEdit):
    """Plan one file edit: check it now, before anything changes, and add its operation."""
    before = run.current(item.path)
    after = plan.apply(item, before)
    operation_meta = edit_file(
        name=item.name,
        path=item.path,
        transform=item.transform,
        current=before,
        check=item.check,
        service=item.service,
    )
    run.planned[item.path] = after
    run.note_change(item.service, operation_meta)
    return operation_meta


@operation()
def install_file(
    path: str,
    text: str,
    current: FileState,
    owner: str,
    group: str,
    mode: str,
    check: str | None = None,
    service: str | None = None,
):
    """
    Install a file this deploy owns entirely, atomically, with its owner and mode.

    + path: where the file goes; its directory is made when missing
    + text: the file's wanted content
    + current: the file as the deploy's single read of the server found it
    + owner, group, mode: what the file must end with (mode in octal, such as "755")
    + check: a command that checks the live config; when its complaints grow with the new
      file, the previous one is put back (or the new one removed) and the operation fails
    + service: the service that reads the file; its restart is recorded as pending
    """
    same_text = current.kind == "file" and current.content == text
    if same_text and (current.owner, current.group, current.mode) == (owner, group, mode):
        host.noop(f"{path} is up to date")
        return
    if state.config.DIFF and not state.is_executing:
        before = (current.content or "") if current.kind == "file" else ""
        logger.info(f"{host.print_prefix}Will write {path} ({owner}:{group} {mode})")
        for line in generate_color_diff(before.splitlines(True), text.splitlines(True)):
            logger.info("  %s", mask_secrets(line))
    temp = path + TEMP_SUFFIX
    t = shlex.quote(temp)
    directory = shlex.quote(path.rsplit("/", 1)[0] or "/")
    yield StringCommand(f"mkdir -p {directory}")
    yield FileUploadCommand(BytesIO(text.encode("utf-8")), temp)
    owned = f"chown {shlex.quote(owner)}:{shlex.quote(group)} {t} && chmod {mode} {t}"
    install = install_script(
        path,
        temp,
        check,
        same_owner=False,
        replaces=current.kind == "file",
        unmark=_unmark(service),
    )
    yield StringCommand(f"{_mark(service)}{owned} && {install}")


@operation(is_idempotent=False)
def run_script(script: str):
    """
    Run a shell script of this deploy (used where the decision to run it was taken from the
    server's state, so a re-run that finds nothing to do does not plan it).

    + script: the script's text, run by sh
    """
    yield StringCommand(script)


def account_keeper(wanted: settings.Settings) -> str:
    """The one shard that creates and deletes the accounts of a shared store: two shards
    creating the same account at the same moment would mix two password records in the
    database. The first, by name, of the active hosts of this run that share this host's
    store: the same meeting domain and database name (its server may be reached under
    another address from each shard)."""
    sql = wanted.sql
    names = []
    for other in state.inventory.get_active_hosts():
        get = other.data.get
        if settings.is_videobridge(other.groups, get) or get("jitsi_accounts") != "sql":
            continue
        same_store = (
            get("jitsi_domain") == host.data.get("jitsi_domain")
            and (get("jitsi_sql_database") or "prosody") == sql.database
        )
        if same_store:
            names.append(other.name)
    return min(names) if names else host.name


def install_package(package: str, purpose: str):
    """Plan the installation of a Debian package the deploy needs (when it is missing)."""
    return run_script(
        name=f"Install {package}, {purpose}",
        script=f"DEBIAN_FRONTEND=noninteractive apt-get install -y -q {shlex.quote(package)}",
    )


# Known shortcoming: the _sudo path (staging in the SSH user's home) is not tested end to end.
# A new account's password waits for prosodyctl in RUN_DIR. With _sudo, pyinfra first
# uploads as the SSH user, so that copy goes to a directory of the SSH user's own, mode
# 0700, instead of the shared /tmp.
PASSWORD_DIR = RUN_DIR
SUDO_PASSWORD_DIR = ".jitsi-hardening"


@operation(is_idempotent=False)
def create_account(jid: str, password: Secret, command: str = "adduser"):
    """
    Create a Prosody account with `prosodyctl adduser` (or, with command="passwd", give an
    existing one a new password), which reads the password from its standard input: the
    password never appears on a command line or in pyinfra's output. Without --root,
    prosodyctl switches to the prosody user, so the account's files belong to Prosody.

    + jid: the account, user@domain (validated: nothing a shell interprets)
    + password: the temporary password
    + command: adduser or passwd
    """
    name = f"new-account-{jid.replace('@', '-at-')}"
    secret_file = f"{PASSWORD_DIR}/{name}"
    staged = f"{SUDO_PASSWORD_DIR}/{name}" if _uses_sudo() else None
    if staged:
        yield StringCommand(f"install -d -m 0700 {SUDO_PASSWORD_DIR}", _sudo=False)
    yield StringCommand(f"install -d -m 0700 {PASSWORD_DIR}")
    lines = f"{password.reveal()}\n{password.reveal()}\n".encode()
    yield FileUploadCommand(BytesIO(lines), secret_file, remote_temp_filename=staged)
    # The prompts go to the output, the password never does: it is not echoed.
    yield StringCommand(
        f"if out=$(prosodyctl {shlex.quote(command)} {jid} < {secret_file} 2>&1); then status=0;"
        # With a shared account store, another shard may have created it a moment ago.
        " else status=$?; case \"$out\" in *'That user already exists'*) status=0;;"
        " *) printf '%s\\n' \"$out\" | tail -n 2 >&2;; esac; fi;"
        f" rm -f {secret_file}; exit $status"
    )
    if staged:
        yield StringCommand(f"rm -f {staged}", _sudo=False)


def _uses_sudo() -> bool:
    return bool(host.data.get("_sudo") or getattr(state.config, "SUDO", False))


@operation(is_idempotent=False)
def delete_account(jid: str):
    """
    Delete a Prosody account (only for names the inventory lists as absent).

    + jid: the account, user@domain
    """
    yield StringCommand(f"prosodyctl deluser {jid}")


__all__ = [
    "HardeningError",
    "Lines",
    "account_keeper",
    "create_account",
    "current_run",
    "delete_account",
    "edit",
    "edit_file",
    "install",
    "install_file",
    "install_package",
    "restart",
    "run_script",
]
