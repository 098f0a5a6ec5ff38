#!/usr/bin/env bash
# The main job on the built-in disposable test host: set up, bring the host up (building
# its image the first time), run the full deploy over SSH, then show what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export JITSI_TESTHOST=${JITSI_TESTHOST:-jh1}
address=$(tests/testhost.sh up "$JITSI_TESTHOST")

echo "== Deploying to the test host $JITSI_TESTHOST ($address)"
.venv/bin/pyinfra -y inventories/testhost.py deploy.py

echo
echo "== The meeting host's Prosody settings now"
tests/testhost.sh ssh "$JITSI_TESTHOST" \
  "grep -nE '^(VirtualHost|Component)|authentication|c2s_require_encryption' \
  /etc/prosody/conf.avail/meet.example.org.cfg.lua"
echo
echo "== Logging in with a real XMPP client"
printf 'anonymous on meet.example.org (must be refused): '
.venv/bin/python -m tests.xmpp_probe "$address" meet.example.org || true
printf 'anonymous on guest.meet.example.org (must be accepted): '
.venv/bin/python -m tests.xmpp_probe "$address" guest.meet.example.org
printf 'alice@meet.example.org with her temporary password, certificate checked against the ACME CA: '
XMPP_PASSWORD=${JITSI_PASSWORD_ALICE:-$(cat secrets/meet.example.org/alice)} \
  XMPP_CA_FILE="/run/jitsi-testhost/$JITSI_TESTHOST/pebble-roots.pem" \
  .venv/bin/python -m tests.xmpp_probe "$address" alice@meet.example.org
echo
echo "== fail2ban's prosody jail"
tests/testhost.sh ssh "$JITSI_TESTHOST" fail2ban-client status prosody
echo
echo "The host stays up; 'tests/testhost.sh down $JITSI_TESTHOST' removes it."
