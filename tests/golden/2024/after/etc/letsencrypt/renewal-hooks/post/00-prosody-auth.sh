#!/bin/sh
# Installed by jitsi-hardening (templates/letsencrypt/00-prosody-auth.sh.j2); a re-run of
# the deploy puts this file back as it is here, so change the template, not this copy.
#
# certbot runs this after every renewal. It copies the renewed certificate of the meeting
# domain, and only that domain's (auth.meet.example.org keeps the self-signed certificate that
# Jicofo and the videobridge trust), into Prosody. prosodyctl then sends Prosody a reload,
# which makes it use the new certificate without dropping the meetings that are running.
set -u
domain=meet.example.org
live=/etc/letsencrypt/live/meet.example.org
certs=/etc/prosody/certs

if cmp -s "$live/fullchain.pem" "$certs/$domain.crt" \
    && cmp -s "$live/privkey.pem" "$certs/$domain.key"; then
    echo "00-prosody-auth.sh: Prosody already has the current certificate of $domain"
    exit 0
fi

# --root must come before the command; the exit status does not prove an import happened,
# so the output is checked.
output=$(prosodyctl --root cert import "$domain" "$live" 2>&1)
printf '%s\n' "$output"
case "$output" in
    *"Imported certificate and key for hosts $domain"*) ;;
    *)
        echo "00-prosody-auth.sh: prosodyctl imported no certificate for $domain from $live" >&2
        exit 1
        ;;
esac

# prosodyctl keeps each file it replaced as NAME.bkp~DATE; old private keys must not pile up.
rm -f "$certs/$domain.crt.bkp~"* "$certs/$domain.key.bkp~"*
