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

from hardening import layout as jitsi_layout
from hardening import plan, settings
from hardening.errors import HardeningError
from hardening.snapshot import Snapshot, parse_remote, remote_command

# The suffix of the temporary file an edit is uploaded to, beside the file it replaces,
# so that the final rename is atomic.
TEMP_SUFFIX = ".jitsi-hardening.tmp"
BACKUP_SUFFIX = ".jitsi-hardening.bak"


class ServerFiles(FactBase):
    """Reads the content of `read` and the kind of `look` paths in one remote command."""

    def command(self, read: tuple[str, ...], look: tuple[str, ...]) -> str:
        return remote_command(read, look)

    def process(self, output: list[str]) -> Snapshot:
        return parse_remote(output)


class Fqdn(FactBase):
    """The host's fully qualified name, the default meeting domain."""

    def command(self) -> str:
        return "hostname -f"

    def process(self, output: list[str]) -> str:
        return output[0].strip()


@dataclass
class Run:
    """What one host's deploy knows and has planned so far."""

    domain: str  # the meeting domain
    snapshot: Snapshot
    planned: dict[str, str] = field(default_factory=dict)  # path -> text after planned edits
    changes: dict[str, list] = field(default_factory=dict)  # service -> operations

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
    """The run state of the host being prepared: the server is read once, here.

    The meeting domain is `jitsi_domain` from the inventory, or else the host's FQDN (one
    more remote command: set jitsi_domain to save it).
    """
    key = (id(host.state), host.name)
    if key not in _runs:
        send_without_delay()
        meeting = settings.dns_name(
            "jitsi_domain", host.data.get("jitsi_domain") or host.get_fact(Fqdn)
        )
        layout = jitsi_layout.Layout(meeting)
        snapshot = host.get_fact(ServerFiles, read=layout.reads(), look=layout.looks())
        _runs[key] = Run(meeting, snapshot)
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
):
    """
    Edit a file that Jitsi owns through a pure function of its text.

    + path: the file to edit; its owner and mode are kept
    + transform: a function from the file's text to the wanted text, returning its input
      unchanged when the work is already done
    + current: the file's text as read by the deploy's single read of the server
    + check: a command that checks the live config; when its complaints grow after the
      edit, the previous file is put back and the operation fails

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
    yield StringCommand(install_script(path, temp, check))


def install_script(path: str, temp: str, check: str | None) -> str:
    """Shell that moves `temp` over `path` keeping owner and mode, undoing it when `check`
    reports a problem that was not there before."""
    f, t, b = shlex.quote(path), shlex.quote(temp), shlex.quote(path + BACKUP_SUFFIX)
    steps = [f"chown --reference={f} {t}", f"chmod --reference={f} {t}"]
    if not check:
        steps.append(f"mv -f {t} {f}")
        return " && ".join(steps)
    report = shlex.quote(f"{path}: {check.split()[0]} reports a new problem after the edit,")
    steps += [
        f"cp -p {f} {b}",
        f"{{ {check} > {b}.before 2>&1 || true; }}",
        f"mv -f {t} {f}",
        f"{{ {check} > {b}.after 2>&1 || true; }}",
        f"if grep -vxF -f {b}.before {b}.after > {b}.new; then"
        f" mv -f {b} {f}; echo {report} 'file put back:' \"$(head -n 1 {b}.new)\" >&2;"
        f" rm -f {b}.before {b}.after {b}.new; exit 1; fi",
        f"rm -f {b} {b}.before {b}.after {b}.new",
    ]
    return " && ".join(steps)


@operation(is_idempotent=False)
def restart(service: str):
    """
    Restart a systemd service (used with `_if`, so only when its files changed).

    + service: the unit's name
    """
    yield StringCommand("systemctl", "restart", shlex.quote(service))


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
    )
    run.planned[item.path] = after
    run.note_change(item.service, operation_meta)
    return operation_meta


__all__ = ["HardeningError", "current_run", "edit", "edit_file", "restart"]
