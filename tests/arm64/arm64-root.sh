#!/usr/bin/env bash
# arm64-root.sh [ROOT] - an arm64 Debian 12 root with LibreOffice's arm64
# packages installed, for running LibreOffice on (emulated) aarch64
# (tests/arm64/arm64-lo-test.sh).  Prints ROOT.
#
# Built by mmdebstrap (--variant=apt: Essential packages and apt, plus
# ARM64_ROOT_PACKAGES and what they depend on) from the host's Debian
# mirror, every maintainer script run under qemu-user through binfmt_misc;
# kept at ROOT (default /var/cache/juesuan/arm64-root, outside the checkout)
# with ROOT.stamp recording what it was built from (suite, mirror, package
# list, this script's recipe version).  A root whose stamp matches is
# reused; one that is absent or stale is built afresh into ROOT.new and
# moved into place only once complete, under a lock.
#
# Also makes sure the kernel runs aarch64 programs through qemu-user
# (binfmt_misc mounted and Debian's qemu-aarch64 entry of qemu-user-static
# enabled, with the F flag: the interpreter works inside the chroot), which
# is what the chroot needs: LibreOffice starts helpers itself (unopkg runs
# program/uno, a shell script).
set -euo pipefail
root=${1:-${ARM64_LO_ROOT:-/var/cache/juesuan/arm64-root}}
suite=bookworm
packages=${ARM64_ROOT_PACKAGES:-"libreoffice-calc libreoffice-l10n-zh-cn libzip4 libfreexl1"}
recipe=1

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "arm64-root.sh needs root (chroot, mounts, binfmt_misc)"
for tool in mmdebstrap arch-test update-binfmts qemu-aarch64-static; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (bash build/setup.sh)"
done

# binfmt_misc: mount it if the system has not, enable qemu-aarch64.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/status" ]; then
  mount -t binfmt_misc binfmt_misc "$binfmt" || fail "cannot mount binfmt_misc"
fi
if ! grep -qx enabled "$binfmt/qemu-aarch64" 2>/dev/null; then
  update-binfmts --enable qemu-aarch64 >&2 || fail "cannot enable the qemu-aarch64 binfmt entry"
fi
grep -q '^flags: .*F' "$binfmt/qemu-aarch64" || fail "the qemu-aarch64 binfmt entry lacks the F flag"

# The host's Debian mirror (the first deb822 URIs or one-line deb entry
# naming .../debian), unless ARM64_MIRROR says otherwise.
mirror=${ARM64_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')
fi
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')
fi
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

want="recipe=$recipe suite=$suite mirror=$mirror packages=$packages"
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock 9
if [ -d "$root" ] && [ "$(head -1 "$root.stamp" 2>/dev/null)" = "$want" ]; then
  echo "$root"
  exit 0
fi

echo "arm64-root: building $root ($want)" >&2
start=$(date +%s)
rm -rf "$root" "$root.new" "$root.stamp"
mmdebstrap --variant=apt --architectures=arm64 --include="${packages// /,}" \
  "$suite" "$root.new" "deb $mirror $suite main" >"$root.log" 2>&1 ||
  { tail -30 "$root.log" >&2; fail "mmdebstrap failed (whole log: $root.log)"; }
# the office user's HOME and the work dirs are the host's /tmp, bound in
# at each run; nobody must exist in the root (base-passwd gives it)
grep -q '^nobody:' "$root.new/etc/passwd" || fail "the arm64 root has no user nobody"
# shellcheck disable=SC2016 # dpkg-query's format, not the shell's
version=$(chroot "$root.new" dpkg-query -W -f '${Version}' libreoffice-calc)
mv "$root.new" "$root"
{
  echo "$want"
  echo "libreoffice-calc:arm64 $version"
  echo "built in $(($(date +%s) - start)) s on $(date -u '+%F %T') UTC"
} >"$root.stamp"
cat "$root.stamp" >&2
echo "$root"
