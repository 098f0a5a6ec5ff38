"""Section 3: every certbot renewal re-imports the certificate into Prosody.

Installs /etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh (root, 0755) from
templates/letsencrypt/00-prosody-auth.sh.j2: the script section 2 runs.
"""

from pyinfra.api import deploy

from hardening import certs, plan
from hardening.remote import current_run, install


@deploy("Renewal hook")
def renewal_hook():
    run = current_run()
    hook = plan.FileInstall(
        f"certbot: re-import the certificate of {run.domain} into Prosody after renewals",
        certs.HOOK,
        certs.hook_script(certs.Paths(run.domain, run.settings.live)),
        None,
    )
    install(run, hook, mode="755")
