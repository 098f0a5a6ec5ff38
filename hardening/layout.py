"""Where a Debian quick install of Jitsi Meet keeps the files this deploy reads and edits."""

from __future__ import annotations

from dataclasses import dataclass

from hardening.errors import HardeningError
from hardening.snapshot import Snapshot

PLUGINS_DIR = "/usr/share/jitsi-meet/prosody-plugins"


@dataclass(frozen=True)
class Layout:
    domain: str

    @property
    def prosody_available(self) -> str:
        return f"/etc/prosody/conf.avail/{self.domain}.cfg.lua"

    @property
    def prosody_enabled(self) -> str:
        return f"/etc/prosody/conf.d/{self.domain}.cfg.lua"

    @property
    def config_js(self) -> str:
        return f"/etc/jitsi/meet/{self.domain}-config.js"

    @property
    def nginx_site(self) -> str:
        return f"/etc/nginx/sites-available/{self.domain}.conf"

    # Jitsi's TURN port multiplexer of 2020: an nginx stream block in front of the site,
    # enabled by this entry, normally a link to jitsi-meet-turnserver's file.
    nginx_stream = "/etc/nginx/modules-enabled/60-jitsi-meet.conf"
    nginx_stream_target = "/usr/share/jitsi-meet-turnserver/jitsi-meet.conf"
    jicofo_conf = "/etc/jitsi/jicofo/jicofo.conf"
    sip_properties = "/etc/jitsi/jicofo/sip-communicator.properties"
    plugins_dir = PLUGINS_DIR
    jitsi_anonymous_module = f"{PLUGINS_DIR}/mod_auth_jitsi-anonymous.lua"

    def reads(self) -> tuple[str, ...]:
        """Files whose content the deploy needs."""
        return (
            self.prosody_enabled,
            self.prosody_available,
            self.config_js,
            self.jicofo_conf,
            self.sip_properties,
            self.nginx_site,
            self.nginx_stream,
            self.nginx_stream_target,
        )

    def looks(self) -> tuple[str, ...]:
        """Paths whose existence (or link target) the deploy needs."""
        return (self.plugins_dir, self.jitsi_anonymous_module)

    def prosody_file(self, snapshot: Snapshot) -> str:
        """The vhost file Prosody loads: conf.d's entry, which is normally a link to
        conf.avail. The deploy edits the file itself so the link stays a link."""
        enabled = snapshot.get(self.prosody_enabled)
        if enabled.kind == "missing":
            found = "exists" if snapshot.exists(self.prosody_available) else "is missing too"
            raise HardeningError(
                f"{self.prosody_enabled}: missing, so Prosody does not load the Jitsi "
                f"config for {self.domain} ({self.prosody_available} {found}); "
                "check jitsi_domain or the Jitsi install"
            )
        if enabled.kind == "file":
            return self.prosody_enabled
        resolved = snapshot.resolve(self.prosody_enabled)
        if resolved != self.prosody_available:
            raise HardeningError(
                f"{self.prosody_enabled}: links to {enabled.target}, expected a link to "
                f"{self.prosody_available}"
            )
        return resolved

    def missing_jicofo(self) -> HardeningError:
        return HardeningError(
            f"{self.jicofo_conf}: missing, and so is {self.sip_properties}; "
            "is Jicofo installed on this server?"
        )
