"""Section 3: every certbot renewal re-imports the certificate into Prosody.

Installs /etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh (root, 0755) from
templates/letsencrypt/00-prosody-auth.sh.j2: the script section 2 runs.
"""

from pyinfra.api import deploy

from hardening import certs
from hardening.remote import current_run, install_file


@deploy("Renewal hook")
def renewal_hook():
    run = current_run()
    install_file(
        name=f"certbot: re-import the certificate of {run.domain} into Prosody after renewals",
        path=certs.HOOK,
        text=certs.hook_script(certs.Paths(run.domain, run.settings.live)),
        current=run.snapshot.get(certs.HOOK),
        owner="root",
        group="root",
        mode="755",
    )
