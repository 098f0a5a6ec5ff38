#!/bin/bash
# Build the root filesystem of the Jitsi test host and store it as a zstd tarball.
#
#   build-image.sh OUTPUT.tar.zst PACKAGES.txt
#
# Debian 12 minbase from the mirror that this machine's own apt configuration names, then a
# dist-upgrade and the packages of PACKAGES.txt (with Recommends, as on a real server), and
# the parts that do not change from one test host to the next: pebble's TLS certificate,
# the Jitsi system users, and a Mercurial repository of Debian's prosody-modules.
# Everything per host (the Jitsi files, certificates, accounts) is done at boot instead.
# All progress goes to stderr. Run as root; testhost.sh calls it under its cache lock.
set -euo pipefail
umask 022

output=${1:?usage: build-image.sh OUTPUT.tar.zst PACKAGES.txt}
packages_file=${2:?usage: build-image.sh OUTPUT.tar.zst PACKAGES.txt}
suite=bookworm

# Every mount below lives in a private mount namespace, so nothing outlives this script even
# when it is killed half-way.
if [[ ${JTH_BUILD_IN_MOUNTNS:-} != 1 ]]; then
    JTH_BUILD_IN_MOUNTNS=1 exec unshare --mount --propagation private -- bash "$0" "$@"
fi

log() { printf 'build-image: %s\n' "$*" >&2; }

work=$(mktemp -d "$(dirname "$output")/build.XXXXXX")
root=$work/root

cleanup() {
    # Unmount first: rm must never walk into the chroot's /proc or /dev.
    local mnt
    for mnt in proc dev run; do
        umount -R "$root/$mnt" 2>/dev/null || true
    done
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# --- Where the packages come from -----------------------------------------------------------
# Ask apt which archives this machine uses (whatever the sources' format) without fetching
# anything, and keep the Debian ones: "<uri> <suite> <component>" per line. A machine on a
# newer release gets the same archives with its codename swapped for bookworm.
list_archives() {
    apt-get update --print-uris 2>/dev/null |
        sed -nE "s|^'([^']+)/dists/([^/]+)/([^/]+)/binary-[^/]+/Packages[^']*'.*|\1 \2 \3|p" |
        sort -u
}
archives=$(list_archives)
[[ -n $archives ]] || { log "no apt archive configured on this machine"; exit 1; }

mirror=
sources=
while read -r uri machine_suite component; do
    # trixie -> bookworm, trixie-updates -> bookworm-updates, ...
    case $machine_suite in
        *-*) image_suite=$suite-${machine_suite#*-} ;;
        *) image_suite=$suite; mirror=${mirror:-$uri} ;;
    esac
    [[ $component == main ]] || continue
    sources+="deb $uri/ $image_suite main"$'\n'
done <<<"$archives"
[[ -n $mirror ]] || { log "no main Debian archive in this machine's apt sources"; exit 1; }
log "mirror: $mirror"

mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$packages_file" | tr -d ' \t')

# --- Base system -----------------------------------------------------------------------------
log "debootstrap --variant=minbase $suite (about a minute)"
debootstrap --variant=minbase "$suite" "$root" "$mirror/" >"$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log" >&2
    exit 1
}

printf '%s' "$sources" >"$root/etc/apt/sources.list"
# No service may start inside the build chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"

# A minimal /dev of our own: binding the machine's /dev would expose it to rm and to dpkg.
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=0755,nosuid dev "$root/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 0666 "$root/dev/$name" c "$major" "$minor"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
mount -t tmpfs -o mode=0755 run "$root/run"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/root "$@"; }

# --- Packages --------------------------------------------------------------------------------
apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
log "apt-get update, dist-upgrade"
in_root apt-get -q update >"$work/apt.log" 2>&1
in_root apt-get "${apt_opts[@]}" dist-upgrade >>"$work/apt.log" 2>&1 || {
    tail -n 30 "$work/apt.log" >&2
    exit 1
}
log "apt-get install ${packages[*]}"
in_root apt-get "${apt_opts[@]}" --install-recommends install "${packages[@]}" \
    >>"$work/apt.log" 2>&1 || {
    tail -n 30 "$work/apt.log" >&2
    exit 1
}
in_root apt-get -q clean

# --- System identity ---------------------------------------------------------------------------
log "configuring the image"
echo meet >"$root/etc/hostname"
# Every Jitsi domain resolves to the host itself: pebble, certbot and the tests' probes all
# run on the host. "meet" comes first on its line so that `hostname -f` is the meeting FQDN.
cat >"$root/etc/hosts" <<'EOF'
127.0.0.1	localhost
127.0.0.1	meet.example.org meet auth.meet.example.org guest.meet.example.org
::1	localhost ip6-localhost ip6-loopback
EOF
# debootstrap copied the machine's resolver; the host has no route out and needs none.
rm -f "$root/etc/resolv.conf"
echo 'nameserver 127.0.0.1' >"$root/etc/resolv.conf"
# An empty machine-id: each boot gets its own, and systemd does not treat it as a first boot.
: >"$root/etc/machine-id"
# The console is not a terminal in the test host.
ln -sf /dev/null "$root/etc/systemd/system/console-getty.service"

# The users and group that Jicofo's and the videobridge's packages create.
in_root groupadd --system jitsi
in_root useradd --system --gid jitsi --shell /bin/bash --create-home \
    --home-dir /usr/share/jicofo jicofo
in_root useradd --system --gid jitsi --shell /bin/bash --create-home \
    --home-dir /usr/share/jitsi-videobridge jvb

# --- pebble's own TLS certificate (the package ships none) -----------------------------------
# A private CA and a leaf for localhost; certbot trusts the CA through REQUESTS_CA_BUNDLE.
in_root /bin/bash -euo pipefail <<'EOF'
tls=/etc/pebble/tls
mkdir -p "$tls"
cd "$tls"
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj '/CN=Jitsi test host: pebble TLS CA' -keyout ca.key -out ca.pem 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj '/CN=localhost' -keyout key.pem -out leaf.csr 2>/dev/null
printf '%s\n' 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1' \
    'basicConstraints=critical,CA:FALSE' 'extendedKeyUsage=serverAuth' >leaf.ext
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile leaf.ext -out cert.pem 2>/dev/null
rm -f leaf.csr leaf.ext ca.srl
chmod 0600 ca.key key.pem
EOF

# --- prosody-modules as a Mercurial repository -------------------------------------------------
# The deploy clones prosody-modules; the host has no internet, so it gets a local repository
# made from Debian's package, laid out as upstream (mod_x/mod_x.lua, mod_x/README.markdown).
# A fixed user, date and message make the revision id the same on every build.
log "prosody-modules Mercurial repository"
in_root /bin/bash -euo pipefail <<'EOF'
repo=/srv/prosody-modules.hg
export HGPLAIN=1 HGRCPATH=
mkdir -p "$repo"
cd "$repo"
hg init
dpkg-query -L prosody-modules | sed -n 's|^/usr/lib/prosody/modules/||p' | sort |
    while read -r path; do
        src=/usr/lib/prosody/modules/$path
        if [[ -d $src ]]; then mkdir -p "$path"; else cp -p "$src" "$path"; fi
    done
for readme in /usr/share/doc/prosody-modules/README_mod_*; do
    module=${readme##*/README_}
    module=${module%%.*}
    [[ -d $module ]] || continue
    case $readme in
        *.gz) zcat "$readme" >"$module/README.markdown" ;;
        *) cp "$readme" "$module/README.markdown" ;;
    esac
done
version=$(dpkg-query -W -f '${Version}' prosody-modules)
hg add -q
hg commit -q -u 'jitsi-testhost <testhost@example.org>' -d '2023-02-23 00:00:00 +0000' \
    -m "prosody-modules as packaged by Debian ($version)"
mkdir -p /var/lib/jitsi-testhost
hg log -r tip -T '{node}\n' >/var/lib/jitsi-testhost/prosody-modules-rev
EOF
log "prosody-modules tip: $(cat "$root/var/lib/jitsi-testhost/prosody-modules-rev")"

# --- Pack --------------------------------------------------------------------------------------
rm -f "$root/usr/sbin/policy-rc.d"
umount -R "$root/proc" "$root/dev" "$root/run"
rm -rf "$root/var/log/apt/"* "$root/var/cache/apt/"*.bin "$root/tmp/"*
log "packing $(basename "$output")"
tar --numeric-owner --xattrs --xattrs-include='*' --acls -C "$root" -cf - . |
    zstd -q -T0 -6 -o "$output.tmp"
mv "$output.tmp" "$output"
log "image: $(du -h "$output" | cut -f1)"
