"""The live audit (verify.py): is a server still hardened? Pure decisions from what the
server reports, what a client sees on its XMPP port, and what the deploy would write.

Every finding is one line that names what is off and where.
"""

from __future__ import annotations

import shlex

from hardening import certs, fail2ban, logauth, plan, sqlstore
from hardening.errors import HardeningError
from hardening.settings import Settings
from hardening.snapshot import Snapshot, units_command
from hardening.xmppcheck import Probe

SERVICES = ("prosody", "jicofo", "jitsi-videobridge2", "nginx", "fail2ban")
# A certificate closer to its end than this is a finding: certbot renews 30 days before.
EXPIRY_WARNING_DAYS = 14
# The address the synthetic failed login of the filter check comes from (TEST-NET-1).
PROBE_ADDRESS = "192.0.2.1"


def facts_command(wanted: Settings) -> str:
    """One shell command printing `key<TAB>value` lines: service states, the hook, the
    jail, whether the filter matches the line mod_log_auth writes today, the live cert."""
    hook, live = shlex.quote(certs.HOOK), shlex.quote(f"{wanted.live}/cert.pem")
    module, flt = shlex.quote(logauth.MODULE), shlex.quote(fail2ban.FILTER)
    domain = shlex.quote(wanted.domain)
    sql_check = "true"
    if wanted.sql is not None:
        sql_check = (
            f"if {sqlstore.list_accounts_command(wanted.domain)} 2>/dev/null | grep -q '^OK:';"
            " then printf 'accounts\\tok\\n'; else printf 'accounts\\tfail\\n'; fi"
        )
    return "\n".join(
        [
            units_command(SERVICES),
            f"if [ -x {hook} ]; then h=executable; elif [ -e {hook} ]; then h=not-executable;"
            " else h=missing; fi; printf 'hook\\t%s\\n' \"$h\"",
            "if fail2ban-client status prosody > /dev/null 2>&1; then j=active; else j=inactive;"
            " fi; printf 'jail\\t%s\\n' \"$j\"",
            # The line today's module writes, made from its own format string.
            f'fmt=$(sed -n \'s/.*"\\(Failed authentication attempt[^"]*\\)".*/\\1/p\' {module}'
            " 2>/dev/null | head -n 1)",
            'n=$(printf "%s" "$fmt" | grep -o "%s" | wc -l)',
            f"case $n in 4) set -- not-authorized audit {domain} {PROBE_ADDRESS};;"
            f" 3) set -- not-authorized audit {PROBE_ADDRESS};;"
            f" 2) set -- not-authorized {PROBE_ADDRESS};; *) set --;; esac",
            f'if [ -z "$fmt" ]; then f=no-module; elif [ ! -e {flt} ]; then f=no-filter; else'
            " t=$(mktemp);"
            " printf '%s c2s0\\tinfo\\t' \"$(LC_ALL=C date '+%b %d %H:%M:%S')\" > \"$t\";"
            ' printf "$fmt\\n" "$@" >> "$t";'
            f' if fail2ban-regex "$t" {flt} 2>/dev/null'
            " | grep -q '^Lines: 1 lines, 0 ignored, 1 matched';"
            ' then f=matches; else f=no-match; fi; rm -f "$t"; fi; printf \'filter\\t%s\\n\' "$f"',
            'for m in /run/jitsi-hardening/restart-*; do [ -e "$m" ] &&'
            " printf 'pending\\t%s\\n' \"${m##*/restart-}\"; done",
            "for k in maxretry findtime bantime; do"
            ' printf \'jail_%s\\t%s\\n\' "$k" "$(fail2ban-client get prosody $k 2>/dev/null)";'
            " done",
            "printf 'jail_ignoreip\\t%s\\n' \"$(fail2ban-client get prosody ignoreip 2>/dev/null"
            " | sed -n 's/^[|`]- //p' | tr '\\n' ' ')\"",
            sql_check,
            f"if [ -r {live} ]; then"
            f" printf 'live_sha256\\t%s\\n' \"$(openssl x509 -in {live} -outform DER | sha256sum"
            " | cut -d ' ' -f 1)\";"
            f" e=$(openssl x509 -in {live} -noout -enddate | cut -d = -f 2);"
            ' printf \'live_days\\t%s\\n\' "$(( ($(date -d "$e" +%s) - $(date +%s)) / 86400 ))";'
            " fi",
        ]
    )


def parse_facts(lines: list[str]) -> dict[str, str]:
    facts = {}
    for line in lines:
        key, _, value = line.partition("\t")
        if key == "pending":
            facts["pending"] = " ".join(filter(None, [facts.get("pending", ""), value]))
        elif key == "unit":
            name, _, state = value.partition("\t")
            facts[f"unit:{name}"] = state
        else:
            facts[key] = value
    return facts


def findings(
    wanted: Settings,
    snapshot: Snapshot,
    facts: dict[str, str],
    meeting: Probe,
    guest: Probe,
) -> list[str]:
    """Everything that is off, one line each; empty when the server is hardened."""
    found = []
    if meeting.anonymous == "accepted":
        found.append(f"{wanted.domain}: anonymous login is accepted: anyone can open a room")
    elif meeting.anonymous.startswith("error"):
        found.append(f"{wanted.domain}: XMPP on port 5222 cannot be checked ({meeting.anonymous})")
    if guest.anonymous != "accepted":
        found.append(
            f"{wanted.guest}: anonymous login is not accepted ({guest.anonymous}): "
            "guests cannot join"
        )

    live = facts.get("live_sha256")
    if not live:
        found.append(f"{wanted.live}/cert.pem: missing or unreadable")
    else:
        if meeting.certificate_sha256 and meeting.certificate_sha256 != live:
            found.append(
                f"{wanted.domain}: port 5222 presents another certificate than "
                f"{wanted.live}/cert.pem"
            )
        days = int(facts.get("live_days", "0") or 0)
        if days < EXPIRY_WARNING_DAYS:
            found.append(
                f"{wanted.live}/cert.pem: expires in {days} days; is certbot's renewal running?"
            )

    if facts.get("jail") != "active":
        found.append("fail2ban: the prosody jail is not running, so nobody is banned")
    filter_state = facts.get("filter", "no-module")
    if filter_state == "no-match":
        found.append(
            f"{fail2ban.FILTER}: does not match the line mod_log_auth writes today, "
            "so failed logins are not counted"
        )
    elif filter_state == "no-filter":
        found.append(f"{fail2ban.FILTER}: missing")
    elif filter_state == "no-module":
        found.append(f"{logauth.MODULE}: missing, so failed logins are not logged")

    found += _jail_figures(wanted, facts)
    for service in facts.get("pending", "").split():
        found.append(
            f"{service}: runs an older config than its files (a restart an earlier deploy "
            "recorded is pending); run the deploy again"
        )
    if wanted.sql is not None and facts.get("accounts") != "ok":
        found.append(
            f"{wanted.domain}: Prosody cannot list its accounts in the shared database "
            f"({wanted.sql.host}:{wanted.sql.port}/{wanted.sql.database}), so no moderator "
            "can log in"
        )
    found += _owners_and_modes(wanted, snapshot)

    hook_state = facts.get("hook", "missing")
    if hook_state != "executable":
        found.append(f"{certs.HOOK}: {hook_state}, so renewals do not reach Prosody")
    for service in SERVICES:
        state = facts.get(f"unit:{service}", "unknown")
        if state == "not-found" and service == "jitsi-videobridge2":
            continue  # a fleet's shard whose videobridges run on hosts of their own
        if state != "active":
            found.append(f"{service}: {state or 'unknown'}, not running")

    # Known shortcoming: one file the plan cannot read stops the comparison of the others.
    try:
        paths = certs.Paths(wanted.domain, wanted.live)
        if snapshot.get(paths.fullchain).digest and certs.import_needed(paths, snapshot):
            found.append(f"{paths.prosody_crt}: not the live certificate of {wanted.domain}")
        for path, text in plan.hardened_files(wanted, snapshot).items():
            state = snapshot.get(path)
            if state.kind != "file" or state.content != text:
                found.append(f"{path}: no longer as the deploy left it; run the deploy again")
    except HardeningError as error:
        found.append(str(error))
    return found


def _jail_figures(wanted: Settings, facts: dict[str, str]) -> list[str]:
    """The running prosody jail's figures, against the inventory's (another drop-in may
    override them)."""
    if facts.get("jail") != "active":
        return []
    found = []
    jail = wanted.fail2ban
    for name in ("maxretry", "findtime", "bantime"):
        running = facts.get(f"jail_{name}", "").strip()
        if running != str(getattr(jail, name)):
            found.append(
                f"fail2ban: the prosody jail runs with {name} = {running or '?'}, "
                f"not {getattr(jail, name)}: another file overrides it"
            )
    allowed = {"127.0.0.1/8", "127.0.0.0/8", "::1", "::1/128", *jail.ignoreip}
    extra = sorted(set(facts.get("jail_ignoreip", "").split()) - allowed)
    if extra:
        found.append(
            f"fail2ban: the prosody jail also ignores {', '.join(extra)}, which the inventory "
            "does not list: nobody from there is ever banned"
        )
    return found


def _owners_and_modes(wanted: Settings, snapshot: Snapshot) -> list[str]:
    found = []
    hook = snapshot.get(certs.HOOK)
    if hook.kind == "file" and (hook.owner, hook.group, hook.mode) != ("root", "root", "755"):
        found.append(
            f"{certs.HOOK}: {hook.owner}:{hook.group} mode {hook.mode}, expected root:root 755"
        )
    if certs.key_needs_fixing(certs.Paths(wanted.domain, wanted.live), snapshot):
        found.append(f"{certs.PROSODY_CERTS}/{wanted.domain}.key: readable by others than Prosody")
    for path in fail2ban.reads():
        state = snapshot.get(path)
        if state.kind == "file" and (state.owner, state.mode) != ("root", "644"):
            found.append(f"{path}: {state.owner} mode {state.mode}, expected root 644")
    return found
