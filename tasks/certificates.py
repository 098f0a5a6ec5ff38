"""Section 2: Prosody presents the meeting domain's Let's Encrypt certificate.

Imports certbot's live certificate (full chain) and key for the meeting domain only, with
the very script the renewal hook runs, and only when Prosody's copy differs from the live
one. `auth.<domain>` keeps its self-signed certificate, which Jicofo and the videobridge
trust. prosodyctl sends Prosody a reload after an import, so the new certificate is served
without a restart.
"""

from pyinfra.api import deploy

from hardening import certs
from hardening.remote import current_run, run_script


@deploy("Certificates")
def certificates():
    run = current_run()
    paths = certs.Paths(run.domain, run.settings.live)
    if certs.import_needed(paths, run.snapshot):
        run_script(
            name=f"Prosody: import the Let's Encrypt certificate of {run.domain}",
            script=certs.hook_script(paths),
        )
    elif certs.key_needs_fixing(paths, run.snapshot):
        run_script(
            name=f"Prosody: make the key of {run.domain} readable by Prosody only",
            script=f"chown prosody:prosody {paths.prosody_key} && chmod 0400 {paths.prosody_key}",
        )
