"""Section 2: Prosody serves the meeting domain's Let's Encrypt certificate.

Decided from digests of Prosody's copy and of certbot's live files (remote.py reads only
their sha256, never a key), so a re-run that finds them equal imports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardening import templates
from hardening.errors import HardeningError
from hardening.snapshot import Snapshot

# Where Debian's Prosody keeps the certificates it loads (`certificates = "certs"`).
PROSODY_CERTS = "/etc/prosody/certs"
HOOK = "/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh"
# What `prosodyctl cert import` prints when it copied something; its exit status does not
# tell (a mistyped command prints usage and exits 0).
IMPORTED = "Imported certificate and key for hosts"
# Where acme.sh installs (Jitsi's installer offers it since 2022) leave the certificate.
ACME_SH_HOMES = ("/root/.acme.sh", "/opt/acmesh")


@dataclass(frozen=True)
class Paths:
    domain: str
    live: str  # certbot's live directory of the meeting domain

    @property
    def fullchain(self) -> str:
        return f"{self.live}/fullchain.pem"

    @property
    def privkey(self) -> str:
        return f"{self.live}/privkey.pem"

    @property
    def prosody_crt(self) -> str:
        return f"{PROSODY_CERTS}/{self.domain}.crt"

    @property
    def prosody_key(self) -> str:
        return f"{PROSODY_CERTS}/{self.domain}.key"

    @property
    def jitsi_crt(self) -> str:
        return f"/etc/jitsi/meet/{self.domain}.crt"

    def digests(self) -> tuple[str, ...]:
        return (self.fullchain, self.privkey, self.prosody_crt, self.prosody_key)

    def looks(self) -> tuple[str, ...]:
        return (self.live, self.jitsi_crt, *ACME_SH_HOMES)


def missing_live(paths: Paths, snapshot: Snapshot) -> HardeningError:
    """The error for a server without certbot's certificate, saying what was found."""
    if snapshot.exists(paths.live):
        found = f"{paths.live} has no readable fullchain.pem and privkey.pem"
    else:
        found = f"{paths.live} does not exist"
    acme = [home for home in ACME_SH_HOMES if snapshot.exists(home)]
    if acme or snapshot.exists(paths.jitsi_crt):
        where = acme[0] if acme else paths.jitsi_crt
        found += (
            f"; found {where}, so this server seems to use acme.sh, whose renewals never run "
            "certbot's hooks: get the certificate with certbot"
        )
    else:
        found += "; get the meeting domain's certificate with certbot first"
    return HardeningError(
        f"setting jitsi_letsencrypt_live: {found}, or point jitsi_letsencrypt_live at the "
        "directory holding its fullchain.pem and privkey.pem"
    )


def import_needed(paths: Paths, snapshot: Snapshot) -> bool:
    """True when Prosody's copy of the certificate or key differs from the live one.

    Raises when the live certificate is missing: importing nothing would be a silent
    success, and the moderators' clients would keep seeing a self-signed certificate.
    """
    live_chain, live_key = snapshot.get(paths.fullchain), snapshot.get(paths.privkey)
    if live_chain.digest is None or live_key.digest is None:
        raise missing_live(paths, snapshot)
    crt, key = snapshot.get(paths.prosody_crt), snapshot.get(paths.prosody_key)
    return crt.digest != live_chain.digest or key.digest != live_key.digest


def key_needs_fixing(paths: Paths, snapshot: Snapshot) -> bool:
    """True when Prosody's key is readable by anyone but its owner, prosody."""
    key = snapshot.get(paths.prosody_key)
    if key.digest is None or key.mode is None:
        return False
    return key.owner != "prosody" or int(key.mode, 8) & 0o077 != 0


def hook_script(paths: Paths) -> str:
    """The renewal hook's text; the deploy's own import runs the same script."""
    return templates.render(
        "letsencrypt/00-prosody-auth.sh.j2",
        domain=paths.domain,
        live=paths.live,
        certs=PROSODY_CERTS,
        imported=IMPORTED,
    )
