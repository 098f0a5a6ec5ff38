"""What the deploy knows about a server's files, read in one go.

A Snapshot is filled either from a remote server (one shell command, see remote.py) or
from a local copy of a server's filesystem (the offline renderer), so the sections plan
their edits the same way in both cases.
"""

from __future__ import annotations

import base64
import os
import posixpath
import shlex
from dataclasses import dataclass, field

from hardening.errors import HardeningError


@dataclass(frozen=True)
class FileState:
    kind: str  # "file", "dir", "link", "missing"
    content: str | None = None  # the text of a file that was asked for
    owner: str | None = None
    group: str | None = None
    mode: str | None = None  # octal, as stat prints it ("644")
    target: str | None = None  # where a link points, as written in the link
    digest: str | None = None  # sha256 of the content, for paths asked for by digest


MISSING = FileState("missing")


@dataclass
class Snapshot:
    files: dict[str, FileState] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # systemd unit -> `is-active` state
    outputs: dict[str, list[str]] = field(default_factory=dict)  # tag -> a command's lines

    def active(self, unit: str) -> bool:
        return self.units.get(unit) == "active"

    def stopped(self, unit: str) -> bool:
        """Known to be installed and not running (an unknown state is not "stopped")."""
        return self.units.get(unit) in ("inactive", "failed")

    def get(self, path: str) -> FileState:
        return self.files.get(path, MISSING)

    def exists(self, path: str) -> bool:
        return self.get(path).kind != "missing"

    def text(self, path: str) -> str:
        state = self.get(path)
        if state.kind != "file" or state.content is None:
            raise HardeningError(f"{path}: expected a file here, found {state.kind}")
        return state.content

    def resolve(self, path: str) -> str:
        """Follow symlinks (relative or absolute) to the path of the file itself."""
        seen = set()
        while self.get(path).kind == "link" and path not in seen:
            seen.add(path)
            target = self.get(path).target or ""
            path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        return path


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        message = f"{path}: not UTF-8 text; this deploy edits text files only"
        raise HardeningError(message) from None


def units_command(units: tuple[str, ...]) -> str:
    """One systemctl call printing `unit<TAB>name<TAB>state` per unit: systemd's active,
    inactive, failed..., or not-found where the unit is not installed (a fleet's shard
    without a videobridge)."""
    if not units:
        return "true"
    names = " ".join(shlex.quote(u) for u in units)
    return (
        f"systemctl show -p Id,LoadState,ActiveState {names} 2>/dev/null | awk -F= '"
        'function out() { if (id != "") { sub(/[.]service$/, "", id);'
        ' printf "unit\\t%s\\t%s\\n", id, (l == "not-found" ? "not-found" : a) }'
        ' id = ""; l = ""; a = "" }'
        " /^Id=/ { id = $2 } /^LoadState=/ { l = $2 } /^ActiveState=/ { a = $2 }"
        " /^$/ { out() } END { out() }'"
    )


# Known shortcoming: pyinfra prints this command's output at -vvv, so the files read (with
# Jitsi's secrets, and a fleet's database password) show there, base64-encoded.
def remote_command(
    read: tuple[str, ...],
    look: tuple[str, ...],
    digest: tuple[str, ...] = (),
    units: tuple[str, ...] = (),
    commands: tuple[tuple[str, str], ...] = (),
) -> str:
    """One shell command that prints a record per path: kind, metadata and, for `read`
    paths, the content in base64 (so no byte, CR or blank line is lost on the way).

    `digest` paths (keys and certificates, followed through links) give only the sha256 of
    their content, so no secret ever leaves the server. `units` give systemd's state, and
    each (tag, command) of `commands` the lines the command prints."""
    paths = " ".join(shlex.quote(p) for p in read)
    looks = " ".join(shlex.quote(p) for p in look)
    digests = " ".join(shlex.quote(p) for p in digest)
    return (
        'jh_look() { if [ -L "$1" ]; then printf \'link\\t%s\\t%s\\n\' "$1" "$(readlink "$1")";'
        ' elif [ -f "$1" ]; then printf \'file\\t%s\\t%s\' "$1" "$(stat -c \'%U:%G:%a\' "$1")";'
        ' if [ "$2" = read ]; then printf \'\\t\'; base64 -w0 "$1"; fi; echo;'
        ' elif [ -e "$1" ]; then printf \'dir\\t%s\\n\' "$1";'
        " else printf 'missing\\t%s\\n' \"$1\"; fi; };"
        f' for p in {paths}; do jh_look "$p" read; done;'
        f' for p in {looks}; do jh_look "$p" look; done;'
        f' for p in {digests}; do if [ -f "$p" ]; then'
        ' printf \'digest\\t%s\\t%s\\t%s\\n\' "$p" "$(stat -L -c \'%U:%G:%a\' "$p")"'
        ' "$(sha256sum < "$p" | cut -d " " -f 1)";'
        " else printf 'missing\\t%s\\n' \"$p\"; fi; done;"
        f" {units_command(units)}"
        + "".join(
            f"; {{ {command}; }} 2>/dev/null | sed 's/^/out\\t{tag}\\t/'"
            for tag, command in commands
        )
    )


def parse_remote(lines: list[str]) -> Snapshot:
    snapshot = Snapshot()
    for line in lines:
        kind, path, *rest = line.split("\t")
        if kind == "link":
            snapshot.files[path] = FileState("link", target=rest[0])
        elif kind == "file":
            owner, group, mode = rest[0].split(":")
            content = _decode(path, base64.b64decode(rest[1])) if len(rest) > 1 else None
            snapshot.files[path] = FileState("file", content, owner, group, mode)
        elif kind == "digest":
            owner, group, mode = rest[0].split(":")
            snapshot.files[path] = FileState("file", None, owner, group, mode, digest=rest[1])
        elif kind == "out":
            snapshot.outputs.setdefault(path, []).append(rest[0] if rest else "")
        elif kind == "unit":
            snapshot.units[path] = rest[0] if rest else ""
        elif kind in ("dir", "missing"):
            snapshot.files[path] = FileState(kind)
    return snapshot


def from_directory(root: str, read: tuple[str, ...], look: tuple[str, ...]) -> Snapshot:
    """The same records, taken from a copy of a server's filesystem under `root`.

    Absolute symlinks are read as the server would see them, inside `root`."""
    snapshot = Snapshot()
    for path in (*read, *look):
        local = os.path.join(root, path.lstrip("/"))
        if os.path.islink(local):
            snapshot.files[path] = FileState("link", target=os.readlink(local))
        elif os.path.isfile(local):
            content = None
            if path in read:
                with open(local, "rb") as handle:
                    content = _decode(path, handle.read())
            mode = format(os.stat(local).st_mode & 0o7777, "o")
            snapshot.files[path] = FileState("file", content, mode=mode)
        elif os.path.exists(local):
            snapshot.files[path] = FileState("dir")
        else:
            snapshot.files[path] = MISSING
    return snapshot
