"""Section 5: mod_log_auth from prosody-modules logs every failed login with its address.

The whole prosody-modules checkout must not be on Prosody's plugin path: it would shadow
Jitsi's own modules of the same names. So the clone stays at CHECKOUT and only
mod_log_auth is linked into VISIBLE_DIR, which is added to Jitsi's `plugin_paths`.
"""

from __future__ import annotations

import shlex

from hardening import prosody
from hardening.snapshot import Snapshot

CHECKOUT = "/opt/prosody-modules"  # the fixed place of the clone
VISIBLE_DIR = "/usr/local/lib/jitsi-hardening/prosody-modules"  # holds mod_log_auth only
LINK = f"{VISIBLE_DIR}/mod_log_auth.lua"
MODULE = f"{CHECKOUT}/mod_log_auth/mod_log_auth.lua"
# The changeset the checkout was last updated to, written by fetch_script().
MARKER = f"{CHECKOUT}/.hg/jitsi-hardening-revision"
HG = "/usr/bin/hg"
TEMP = f"{CHECKOUT}.jitsi-hardening.tmp"


def reads() -> tuple[str, ...]:
    return (MARKER,)


def looks() -> tuple[str, ...]:
    return (HG, LINK)


def fetch_needed(snapshot: Snapshot, revision: str) -> bool:
    """True unless the checkout is at the wanted revision (a hex changeset id)."""
    marker = snapshot.get(MARKER)
    if marker.kind != "file" or marker.content is None:
        return True
    return not marker.content.strip().startswith(revision)


def fetch_script(source: str, revision: str) -> str:
    """Clone prosody-modules (once) and update it to `revision`, with one clear line naming
    the setting when the source cannot be reached or the revision does not exist.

    A first clone goes to a temporary directory and is renamed when complete, so a killed
    run never leaves a half clone at CHECKOUT."""
    d, t, src, rev = (shlex.quote(x) for x in (CHECKOUT, TEMP, source, revision))
    bad_source = shlex.quote(
        f"setting jitsi_prosody_modules_source = {source}: hg cannot clone or pull it"
    )
    bad_revision = shlex.quote(
        f"setting jitsi_prosody_modules_revision = {revision}: no such changeset in {source}"
    )
    no_module = shlex.quote(
        f"setting jitsi_prosody_modules_revision = {revision}: it has no mod_log_auth"
    )
    return "\n".join(
        [
            "export HGPLAIN=1",
            f"if [ ! -d {d}/.hg ]; then rm -rf {t}",
            f"  hg clone --noupdate --quiet {src} {t} 2>&1 | tail -n 3 >&2",
            f"  [ -d {t}/.hg ] || {{ echo {bad_source} >&2; exit 1; }}",
            f"  mv {t} {d}",
            "fi",
            f"if ! hg -R {d} log -r {rev} --template '' > /dev/null 2>&1; then",
            f"  hg -R {d} pull --quiet {src} > /dev/null 2>&1"
            f" || {{ echo {bad_source} >&2; exit 1; }}",
            "fi",
            f"hg -R {d} log -r {rev} --template '' > /dev/null 2>&1"
            f" || {{ echo {bad_revision} >&2; exit 1; }}",
            f"hg -R {d} update --clean --quiet -r {rev} || exit 1",
            f"[ -f {shlex.quote(MODULE)} ] || {{ echo {no_module} >&2; exit 1; }}",
            f"hg -R {d} log -r . --template '{{node}}\\n' > {shlex.quote(MARKER)}",
        ]
    )


def link_needed(snapshot: Snapshot) -> bool:
    link = snapshot.get(LINK)
    return link.kind != "link" or link.target != MODULE


def link_script() -> str:
    return f"mkdir -p {VISIBLE_DIR} && ln -sfn {MODULE} {LINK}"


def enable(text: str) -> str:
    """The vhost file with mod_log_auth visible and loaded on every host taking passwords
    (the meeting host, auth.<domain>, the recorder's), and Prosody trusting nginx on this
    machine for the client's address (X-Forwarded-For)."""
    text = prosody.add_plugin_path(text, VISIBLE_DIR)
    for host in prosody.password_hosts(text):
        text = prosody.add_modules(text, host, ("log_auth",))
    return prosody.trust_local_proxy(text)
