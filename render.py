"""Offline renderer: show what the deploy would write, from a copy of a server's files.

    python render.py --root IN --out OUT --domain meet.example.org [--guest-domain G]
        [--letsencrypt-live DIR]

IN holds a copy of a server's filesystem (IN/etc/prosody/..., IN/etc/jitsi/..., and
optionally IN/usr/share/jitsi-meet/prosody-plugins/). Every file the deploy writes or
edits is written to the same relative path under OUT, made by the very functions the
deploy uses. On bad input it prints one line to stderr, exits with status 2 and writes
nothing.
"""

from __future__ import annotations

import argparse
import os
import sys

from hardening import plan, settings
from hardening.errors import HardeningError
from hardening.snapshot import from_directory


def render(root: str, domain: str, guest: str | None, live: str | None = None) -> dict[str, str]:
    """Return {absolute server path: text} for every file the deploy writes."""
    given = {"jitsi_domain": domain, "jitsi_guest_domain": guest, "jitsi_letsencrypt_live": live}
    wanted = settings.read(given.get, lambda: domain)
    read, look, _digest = plan.server_paths(wanted)
    snapshot = from_directory(root, read, look)

    # A copy of a server's files does not show its firewall tools: Debian 12's nftables.
    return plan.hardened_files(wanted, snapshot, "nftables-multiport")


def write(out: str, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = os.path.join(out, path.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="copy of the server's filesystem")
    parser.add_argument("--out", required=True, help="where to write the rendered files")
    parser.add_argument("--domain", required=True, help="the meeting domain")
    parser.add_argument("--guest-domain", help="default: guest.<domain>")
    parser.add_argument(
        "--letsencrypt-live",
        help="certbot's live directory, default /etc/letsencrypt/live/<domain>",
    )
    args = parser.parse_args(argv)

    if not os.path.isdir(args.root):
        print(f"render.py: --root {args.root}: not a directory", file=sys.stderr)
        return 2
    try:
        files = render(args.root, args.domain, args.guest_domain, args.letsencrypt_live)
    except HardeningError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 2
    write(args.out, files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
