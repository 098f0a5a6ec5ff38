"""What each section wants to change, decided from a Snapshot without touching a server.

The tasks turn these plans into pyinfra operations; the offline renderer applies them to
a local copy of a server. Both therefore make exactly the same edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hardening import configjs, jicofo, prosody
from hardening.errors import HardeningError
from hardening.layout import Layout
from hardening.snapshot import Snapshot

# A checker whose complaints about the live config must not grow with an edit.
PROSODY_CHECK = "prosodyctl check config"


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
