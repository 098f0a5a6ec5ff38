"""Example production inventory: copy it, then put in your own host and domains.

    .venv/bin/pyinfra inventories/prod.py deploy.py --dry --diff   # preview what would change
    .venv/bin/pyinfra inventories/prod.py deploy.py                # apply

Every setting is optional; the README's settings table lists them with their defaults.
"""

jitsi = [
    (
        "meet.example.org",  # how pyinfra reaches the server over SSH
        {
            "ssh_user": "root",
            # The meeting domain; defaults to the host's FQDN (`hostname -f`). Setting it
            # also saves one remote command per run.
            "jitsi_domain": "meet.example.org",
            # Guests join through this anonymous domain; defaults to guest.<jitsi_domain>.
            "jitsi_guest_domain": "guest.meet.example.org",
        },
    ),
]
