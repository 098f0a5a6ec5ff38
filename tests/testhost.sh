#!/bin/bash
# Disposable Debian 12 test hosts for the end-to-end tests: a Jitsi Meet server as the quick
# install leaves it, with systemd as PID 1 in namespaces of its own, reached over real SSH.
#
#   testhost.sh up [NAME]          start NAME (default jh1); prints its IPv4 address, only that
#   testhost.sh down [NAME|--all]  remove NAME, or every host; fine when nothing is up
#   testhost.sh status [NAME|--all]
#   testhost.sh ssh [NAME] [CMD...]
#
# NAME is jh<N>, N from 1 to 254: host N gets 10.213.N.0/30, the machine's end of its veth
# pair 10.213.N.1 and the host 10.213.N.2. Progress goes to stderr. Run as root.
#
# Environment:
#   JITSI_TESTHOST_LAYOUT  tree of stock Jitsi files laid into each host
#                          (default: tests/golden/2024/before)
#   JITSI_TESTHOST_KEEP=1  leave a host whose start failed up, to look at it
#
# Per host, /run/jitsi-testhost/NAME/ holds: address, pid (the host's PID 1 as the machine
# sees it), known_hosts, pebble-roots.pem (pebble's root and intermediate CA, to verify the
# certificate Prosody presents), prosody-modules-rev (tip of /srv/prosody-modules.hg),
# console.log (systemd's own output); and for this script: launcher.pid, image (the lower
# layer in use), upper/ and work/ (the overlay's writable layer), root/ (its mount point).
# /var/cache/jitsi-testhost/ keeps the SSH key (ssh/id_ed25519, one per machine) and the
# image (image-KEY.tar.zst, extracted as rootfs-KEY/). See tests/testhost/README.md.
set -euo pipefail
# Whatever the caller's umask, the host's files must be readable by its services.
umask 022

tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kit=$tests_dir/testhost
layout=${JITSI_TESTHOST_LAYOUT:-$tests_dir/golden/2024/before}
cache=/var/cache/jitsi-testhost
state_root=/run/jitsi-testhost
ssh_key=$cache/ssh/id_ed25519
boot_timeout=60

log() { printf 'testhost: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# --- Names and addresses --------------------------------------------------------------------------

host_index() {
    if [[ $1 =~ ^jh([1-9][0-9]{0,2})$ ]] && ((BASH_REMATCH[1] <= 254)); then
        echo "${BASH_REMATCH[1]}"
    else
        die "bad host name '$1': expected jh1 ... jh254"
    fi
}

# Sets the globals that describe host $1.
select_host() {
    name=$1
    index=$(host_index "$name")
    state=$state_root/$name
    netns=jth-$name
    veth=jth-$name
    outer_address=10.213.$index.1
    address=10.213.$index.2
    cgroup=$(cgroup2_mount)/jitsi-testhost/$name
}

cgroup2_mount() {
    local mount
    mount=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
    [[ -n $mount ]] || die "no cgroup2 hierarchy mounted on this machine"
    echo "$mount"
}

# --- Liveness -------------------------------------------------------------------------------------

# True when $state/pid names a live systemd in the host's network namespace (a recycled PID
# fails the namespace check).
host_running() {
    local pid
    [[ -f $state/pid ]] || return 1
    pid=$(<"$state/pid")
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == systemd ]] || return 1
    [[ -e /run/netns/$netns ]] || return 1
    [[ $(readlink "/proc/$pid/ns/net") == "net:[$(stat -L -c %i "/run/netns/$netns")]" ]]
}

# Serialises commands on one host. The host's processes must never inherit the descriptor
# (start_init closes it for them), or the lock would be held for the host's whole life.
with_lock() {
    mkdir -p "$state_root/.locks"
    exec {lock_fd}>"$state_root/.locks/$1"
    flock "$lock_fd"
}

# --- SSH ------------------------------------------------------------------------------------------

ensure_ssh_key() {
    [[ -f $ssh_key ]] && return
    install -d -m 0700 "$cache/ssh"
    ssh-keygen -q -t ed25519 -N '' -C jitsi-testhost -f "$ssh_key"
    chmod 0600 "$ssh_key"
}

# Only this host's recorded keys are trusted, and no configuration of the caller's applies.
ssh_to_host() {
    ssh -F /dev/null -i "$ssh_key" -o IdentitiesOnly=yes -o BatchMode=yes \
        -o UserKnownHostsFile="$state/known_hosts" -o GlobalKnownHostsFile=/dev/null \
        -o StrictHostKeyChecking=yes -o LogLevel=ERROR -o ConnectTimeout=5 \
        "root@$address" "$@"
}

# --- Image ----------------------------------------------------------------------------------------

# Sets $lower to the extracted image, building and extracting it first when needed. The key
# covers the builder and the package list, so changing either builds a new image.
ensure_image() {
    local key tarball started
    key=$(cat "$kit/build-image.sh" "$kit/image-packages.txt" | sha256sum | cut -c 1-16)
    tarball=$cache/image-$key.tar.zst
    lower=$cache/rootfs-$key
    mkdir -p "$cache"
    exec {image_lock_fd}>"$cache/.image.lock"
    flock "$image_lock_fd"
    if [[ ! -f $tarball ]]; then
        log "building the image $key (first time only, about a minute)"
        started=$SECONDS
        bash "$kit/build-image.sh" "$tarball" "$kit/image-packages.txt"
        log "image built in $((SECONDS - started)) s"
    fi
    prune_images "$key"
    if [[ ! -f $lower/.complete ]]; then
        log "extracting the image $key"
        rm -rf --one-file-system "$lower" "$lower.tmp"
        mkdir "$lower.tmp"
        zstd -q -dc "$tarball" |
            tar --numeric-owner --xattrs --xattrs-include='*' --acls -C "$lower.tmp" -xpf -
        touch "$lower.tmp/.complete"
        mv "$lower.tmp" "$lower"
    fi
    exec {image_lock_fd}>&-
}

# Removes images other than $1 that no running host uses.
prune_images() {
    local keep=$1 old key in_use
    in_use=$(cat "$state_root"/*/image 2>/dev/null || true)
    for old in "$cache"/image-*.tar.zst "$cache"/rootfs-*; do
        [[ -e $old ]] || continue
        key=${old##*/}
        key=${key#image-}
        key=${key#rootfs-}
        key=${key%%.*}
        [[ $key == "$keep" ]] && continue
        grep -qxF "$cache/rootfs-$key" <<<"$in_use" && continue
        log "removing the old image ${old##*/}"
        rm -rf --one-file-system "$old"
    done
}

# --- up -------------------------------------------------------------------------------------------

cmd_up() {
    select_host "${1:-jh1}"
    with_lock "$name"
    if host_running; then
        log "$name is already up"
        echo "$address"
        return
    fi
    teardown    # leftovers of a host that died or was half-started

    local started=$SECONDS
    [[ -f $layout/etc/prosody/conf.avail/meet.example.org.cfg.lua ]] ||
        die "no stock Jitsi layout at $layout"
    layout=$(realpath "$layout")
    ensure_ssh_key
    ensure_image

    log "starting $name at $address"
    mkdir -p "$state"/{upper,work,root}
    echo "$lower" >"$state/image"
    echo "$address" >"$state/address"
    # The host's SSH keys come with the image: record them for this address.
    for pub in "$lower"/etc/ssh/ssh_host_*_key.pub; do
        echo "$address $(cut -d ' ' -f 1-2 "$pub")"
    done >"$state/known_hosts"
    cp "$lower/var/lib/jitsi-testhost/prosody-modules-rev" "$state/prosody-modules-rev"

    setup_network
    start_init
    wait_for_boot || {
        if [[ ${JITSI_TESTHOST_KEEP:-} == 1 ]]; then
            log "$name did not start; left up (see $state/console.log)"
        else
            log "$name did not start; removed (JITSI_TESTHOST_KEEP=1 leaves it up)"
            teardown
        fi
        exit 1
    }
    ssh_to_host cat /root/pebble-ca/roots.pem >"$state/pebble-roots.pem"
    log "$name is up after $((SECONDS - started)) s"
    echo "$address"
}

setup_network() {
    ip netns add "$netns"
    ip link add "$veth" type veth peer name eth0 netns "$netns"
    # Only these two addresses ever carry the host's traffic: no route out, no IPv6.
    sysctl -q -w "net.ipv6.conf.$veth.disable_ipv6=1"
    ip addr add "$outer_address/30" dev "$veth"
    ip link set "$veth" up
    ip netns exec "$netns" sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
    ip -n "$netns" addr add "$address/30" dev eth0
    ip -n "$netns" link set eth0 up
    ip -n "$netns" link set lo up
}

# Starts boot.sh as PID 1 of the host's namespaces and records that PID once it is systemd.
start_init() {
    local pid i
    mkdir -p "$cgroup"
    # The launcher joins the host's cgroup first, so that the cgroup namespace unshare makes
    # is rooted there; setsid keeps the host out of the caller's session and signals.
    # shellcheck disable=SC2016 # $$ and $1 belong to the launcher's shell
    setsid bash -c 'echo $$ >"$1/launcher.pid" && echo $$ >"$2/cgroup.procs" && shift 2 &&
        exec "$@"' launcher "$state" "$cgroup" \
        nsenter --net="/run/netns/$netns" -- \
        unshare --pid --mount --uts --ipc --cgroup --fork --propagation private -- \
        bash "$kit/boot.sh" "$state" "$lower" "$layout" "$ssh_key.pub" \
        </dev/null >"$state/console.log" 2>&1 {lock_fd}>&- &

    for ((i = 0; i < 100; i++)); do
        if [[ -f $state/pid.boot ]]; then
            pid=$(<"$state/pid.boot")
            if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == systemd ]]; then
                echo "$pid" >"$state/pid"
                rm -f "$state/pid.boot"
                # The launcher only waits for the host's init: move it back to our own
                # cgroup, out of the host's, whose processes are systemd's alone.
                echo "$(<"$state/launcher.pid")" \
                    >"$(cgroup2_mount)$(sed -n 's/^0:://p' /proc/$$/cgroup)/cgroup.procs"
                return
            fi
        fi
        [[ ! -f $state/launcher.pid ]] || kill -0 "$(<"$state/launcher.pid")" 2>/dev/null ||
            break
        sleep 0.05
    done
    cat "$state/console.log" >&2
    teardown
    die "$name: systemd did not start"
}

# Waits until sshd answers and the boot, Jitsi setup included, is over.
wait_for_boot() {
    local deadline=$((SECONDS + boot_timeout)) rc=0 outcome
    until ssh_to_host -o ConnectTimeout=1 true 2>/dev/null; do
        ((SECONDS < deadline)) || { log "sshd did not answer"; return 1; }
        host_running || { log "systemd died"; return 1; }
        sleep 0.1
    done
    outcome=$(ssh_to_host timeout "$boot_timeout" systemctl is-system-running --wait) || rc=$?
    if ! ssh_to_host systemctl is-active --quiet jitsi-testhost-setup.service; then
        log "the Jitsi setup failed:"
        ssh_to_host journalctl -b -u jitsi-testhost-setup.service --no-pager -o cat >&2 || true
        return 1
    fi
    if ((rc != 0)); then
        log "system state: $outcome; failed units:"
        ssh_to_host systemctl --failed --no-legend --plain >&2 || true
    fi
}

# --- down -----------------------------------------------------------------------------------------

# Removes whatever exists of the selected host: its init (and so every process in its pid
# namespace), network namespace, veth pair, cgroup and state.
teardown() {
    local pid i
    for pid in $(host_init_pids); do
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 200; i++)); do
            [[ -e /proc/$pid ]] || break
            sleep 0.05
        done
        [[ ! -e /proc/$pid ]] || die "$name: init $pid did not die"
    done
    if [[ -e /sys/class/net/$veth ]]; then ip link del "$veth"; fi
    if [[ -e /run/netns/$netns ]]; then ip netns del "$netns"; fi
    if [[ -d $cgroup ]]; then
        # Innermost first; each is empty once the host's processes are gone.
        for ((i = 0; i < 50; i++)); do
            find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || true
            [[ -d $cgroup ]] || break
            sleep 0.05
        done
        [[ ! -d $cgroup ]] || log "$name: could not remove $cgroup"
    fi
    if [[ -d $state ]]; then
        # The overlay was mounted only inside the host's private mount namespace.
        ! mountpoint -q "$state/root" || die "$state/root is still mounted"
        rm -rf --one-file-system "$state"
    fi
}

# The PIDs of this host's init that are alive: the recorded one, the one boot.sh reported
# before it became systemd, and the launcher's child (a start that failed half-way). Each is
# checked to be in the host's network namespace, so a recycled PID is never hit.
host_init_pids() {
    local pid launcher ns
    [[ -e /run/netns/$netns ]] || return 0
    ns="net:[$(stat -L -c %i "/run/netns/$netns")]"
    {
        cat "$state/pid" "$state/pid.boot" 2>/dev/null || true
        if [[ -f $state/launcher.pid ]]; then
            launcher=$(<"$state/launcher.pid")
            cat "/proc/$launcher/task/$launcher/children" 2>/dev/null || true
        fi
    } | tr ' ' '\n' | sort -u | while read -r pid; do
        if [[ -n $pid && $(readlink "/proc/$pid/ns/net" 2>/dev/null) == "$ns" ]]; then
            echo "$pid"
        fi
    done
}

cmd_down() {
    local target=${1:-jh1}
    if [[ $target == --all ]]; then
        for target in $(all_hosts); do cmd_down "$target"; done
        return
    fi
    select_host "$target"
    with_lock "$name"
    local was_up=0 started=$SECONDS
    host_running && was_up=1
    teardown
    if ((was_up)); then
        log "$name is down ($((SECONDS - started)) s)"
    else
        log "$name was not up"
    fi
}

# Every host that has any trace on this machine: state, network namespace or cgroup.
all_hosts() {
    {
        find "$state_root" -mindepth 1 -maxdepth 1 -type d -name 'jh*' -printf '%f\n' \
            2>/dev/null || true
        ip netns list | sed -n 's/^jth-\(jh[0-9]*\).*/\1/p'
        find "$(cgroup2_mount)/jitsi-testhost" -mindepth 1 -maxdepth 1 -type d \
            -printf '%f\n' 2>/dev/null || true
    } | sort -u
}

# --- status, ssh ----------------------------------------------------------------------------------

cmd_status() {
    local target=${1:-jh1} rc=0
    if [[ $target == --all ]]; then
        for target in $(all_hosts); do cmd_status "$target" || true; done
        return
    fi
    select_host "$target"
    if host_running; then
        echo "$name up $address pid $(<"$state/pid")"
    else
        echo "$name down"
        rc=1
    fi
    return "$rc"
}

cmd_ssh() {
    if [[ ${1:-} =~ ^jh[0-9]+$ ]]; then
        select_host "$1"
        shift
    else
        select_host jh1
    fi
    host_running || die "$name is not up"
    ssh_to_host "$@"
}

main() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    local command=${1:-}
    shift || true
    case $command in
        up) cmd_up "$@" ;;
        down) cmd_down "$@" ;;
        status) cmd_status "$@" ;;
        ssh) cmd_ssh "$@" ;;
        *) die "usage: testhost.sh up|down|status|ssh [NAME] (see the head of this file)" ;;
    esac
}

main "$@"; exit
