#!/bin/bash
# Second stage of `testhost.sh up`: becomes the test host's systemd.
#
#   boot.sh STATE_DIR LOWER_DIR LAYOUT_DIR AUTHORIZED_KEY
#
# testhost.sh starts this script as PID 1 of new pid, mount (private propagation), uts, ipc
# and cgroup namespaces, inside the host's network namespace. It mounts a fresh overlay on
# the cached image, copies in what each boot gets anew, mounts the API file systems, pivots
# into the overlay and exec()s systemd, so systemd keeps this process's PID. Every mount is
# made in this private mount namespace and disappears with it.
set -euo pipefail
umask 022

state=${1:?} lower=${2:?} layout=${3:?} authorized_key=${4:?}
kit=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$state/root

# Our PID as the machine sees it: /proc is still the machine's here and `read` is a builtin,
# so /proc/self is this very shell, which exec()s into systemd at the end. (A $(...) here
# would report a short-lived subshell.)
read -r machine_pid _ </proc/self/stat
echo "$machine_pid" >"$state/pid.boot"

mount -t overlay overlay \
    -o "lowerdir=$lower,upperdir=$state/upper,workdir=$state/work" "$root"

# --- What each boot gets anew ------------------------------------------------------------------
# Our units, the setup script and the stand-ins, owned by root whoever checked them out.
cp -r --no-preserve=ownership "$kit/rootfs/." "$root/"
for unit in pebble.service jitsi-testhost-setup.service; do
    ln -s "/etc/systemd/system/$unit" "$root/etc/systemd/system/multi-user.target.wants/$unit"
done
for unit in jicofo.service jitsi-videobridge2.service; do
    ln -s "/usr/lib/systemd/system/$unit" \
        "$root/etc/systemd/system/multi-user.target.wants/$unit"
done
# The stock Jitsi files; the setup unit puts them in place at boot, as the packages would.
mkdir -p "$root/var/lib/jitsi-testhost/layout"
cp -r --no-preserve=ownership "$layout/." "$root/var/lib/jitsi-testhost/layout/"
install -d -m 0700 "$root/root/.ssh"
install -m 0600 "$authorized_key" "$root/root/.ssh/authorized_keys"

# --- API file systems --------------------------------------------------------------------------
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
# Kernel settings and sysrq are the machine's: the host may read them, not change them.
for path in sys sysrq-trigger; do
    [[ -e $root/proc/$path ]] || continue
    mount --bind "$root/proc/$path" "$root/proc/$path"
    mount -o remount,bind,ro "$root/proc/$path"
done
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
# The cgroup namespace's root is the directory testhost.sh made for this host.
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"

# A /dev of our own with only the usual nodes: never the machine's devices.
mount -t tmpfs -o mode=0755,nosuid,size=8m dev "$root/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 0666 "$root/dev/$name" c "$major" "$minor"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
# systemd writes its status lines to the console; the host has none.
touch "$root/dev/console"
mount --bind /dev/null "$root/dev/console"
mount -t tmpfs -o mode=0755,nosuid,nodev,size=64m run "$root/run"

hostname meet

# --- Become systemd ----------------------------------------------------------------------------
cd "$root"
mkdir run/jitsi-testhost-oldroot
pivot_root . run/jitsi-testhost-oldroot
cd /
umount -l /run/jitsi-testhost-oldroot
rmdir /run/jitsi-testhost-oldroot
# The host has no business loading kernel modules or setting the machine's clock.
exec /usr/bin/setpriv --bounding-set -sys_module,-sys_time \
    /usr/bin/env -i container=jitsi-testhost PATH=/usr/sbin:/usr/bin:/sbin:/bin /sbin/init
