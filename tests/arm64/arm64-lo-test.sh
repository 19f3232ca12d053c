#!/usr/bin/env bash
# arm64-lo-test.sh OUT ARM_OUT - the two-platform juesuan.oxt inside a
# LibreOffice really running on aarch64 (emulated): an arm64 Debian 12 root
# with libreoffice-calc-nogui:arm64 installed (tests/arm64/arm64-root.sh,
# cached outside the checkout), every program of it run under qemu-user in
# a chroot, as nobody, with the host's /proc, /dev and /tmp bound in (so a
# path under /tmp is the same file for the host and the office).
#  - unopkg (arm64) installs OUT/juesuan.oxt into a private profile and
#    registers platform/linux_aarch64/juesuan.components, not the x86-64 one;
#  - the aarch64 soffice.bin, headless, listening on a pipe, is driven by
#    the host's Python UNO bridge (tests/arm64/arm64_lo.py): the add-in
#    formula sheet computed and compared with the x86-64 test's expected
#    values (tests/lo/addin-cases.txt, addin-check.awk); the office process
#    maps platform/linux_aarch64/juesuan.so; 校验 through the real dispatch
#    on the sample gives the findings of `juesuan check --json`, with all
#    the checks tests/lo/validate_test.py makes on x86-64;
#  - ARM_OUT/bin/juesuan, run inside the same root, prints for
#    `check --json` on the sample byte for byte what OUT/bin/juesuan prints.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$(cd "${1:?usage: arm64-lo-test.sh OUT ARM_OUT}" && pwd)
arm=$(cd "${2:?usage: arm64-lo-test.sh OUT ARM_OUT}" && pwd)
timeout_s=${ARM64_LO_TIMEOUT:-1200}
start=$(date +%s)
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "arm64-lo-test.sh needs root (chroot and mounts)"

echo "== the arm64 Debian root"
root=$(bash "$here/arm64-root.sh")
sed -n '2,3p' "$root.stamp"
desc=$(file -b "$root/usr/lib/libreoffice/program/soffice.bin")
case "$desc" in *"ARM aarch64"*) echo "ok: soffice.bin is ARM aarch64" ;;
  *) fail "the root's soffice.bin is not aarch64: $desc" ;; esac
echo "root ready after $(($(date +%s) - start)) s"

work=$(mktemp -d /tmp/juesuan-a64lo.XXXXXX)
pid=
stop_office() {
  if [ -n "$pid" ]; then
    # timeout passes the signal to unshare, whose --kill-child ends soffice
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}
trap 'stop_office; [ -n "${ARM64_LO_KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/profile" "$work/out" "$work/py" "$work/cli/bin" "$work/cli/share" "$work/a64/bin" "$work/a64/share"
# LibreOffice takes file names as the locale says: the extension's are Chinese
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# a64 ARGS...: run ARGS inside the arm64 root, as nobody, bounded in time
# (a simple command, so that `HOME=$work "${a64[@]}" ARGS &` gives timeout's pid).
# shellcheck disable=SC2016 # the inner script expands its own arguments
a64=(timeout --kill-after=10 "$timeout_s" unshare --mount --fork --kill-child sh -c '
    r=$1; shift
    mount --rbind /proc "$r/proc" && mount --rbind /dev "$r/dev" && mount --rbind /tmp "$r/tmp" &&
      exec chroot --userspec=nobody:nogroup "$r" "$@"' a64 "$root")
a64() {
  HOME=$work "${a64[@]}" "$@"
}
# as_nobody ARGS...: run ARGS on the host as nobody (the office's user).
as_nobody() {
  (cd "$work" && setpriv --reuid=nobody --regid=nogroup --clear-groups -- env HOME="$work" "$@")
}

# what the office and the host side read, copied where nobody may read
cp "$out/juesuan.oxt" "$work/juesuan.oxt"
cp "$top/tests/data/sample/sample.ods" "$work/sample.ods"
cp "$top"/tests/lo/validate_lib.py "$top"/tests/lo/validate_test.py "$here/arm64_lo.py" "$work/py/"
cp "$out/bin/juesuan" "$work/cli/bin/" && cp -r "$out/share/juesuan" "$work/cli/share/"
cp "$arm/bin/juesuan" "$work/a64/bin/" && cp -r "$arm/share/juesuan" "$work/a64/share/"
bash "$top/tests/lo/addin-fods.sh" "$top/tests/lo/addin-cases.txt" "$work/addin.fods"
chmod -R a+rX "$work" && chown -R nobody:nogroup "$work"

echo "== aarch64 juesuan check --json on the sample, in the root"
"$out/bin/juesuan" check --json "$work/sample.ods" >"$work/check.x86_64" || [ $? -eq 1 ]
a64 "$work/a64/bin/juesuan" check --json "$work/sample.ods" >"$work/check.aarch64" || [ $? -eq 1 ]
[ -s "$work/check.x86_64" ] || fail "the x86-64 juesuan printed nothing"
cmp "$work/check.x86_64" "$work/check.aarch64" || fail "aarch64 juesuan check --json differs from x86-64"
echo "ok: $(wc -c <"$work/check.x86_64") bytes identical"

echo "== unopkg add in the aarch64 LibreOffice"
t=$(date +%s)
a64 /usr/lib/libreoffice/program/unopkg add -s -f "$work/juesuan.oxt" \
  "-env:UserInstallation=file://$work/profile" || fail "unopkg add failed"
listed=$(a64 /usr/lib/libreoffice/program/unopkg list "-env:UserInstallation=file://$work/profile" 2>&1)
grep -q 'Identifier: org.juesuan' <<<"$listed" || fail "org.juesuan not listed after unopkg add: $listed"
grep -A1 'URL: .*/platform/linux_aarch64/juesuan.components$' <<<"$listed" | grep -q 'is registered: yes' ||
  fail "the aarch64 juesuan.components is not registered: $listed"
! grep -q 'linux_x86_64' <<<"$listed" || fail "the aarch64 office took the x86-64 component: $listed"
echo "ok: unopkg add and list in $(($(date +%s) - t)) s: platform/linux_aarch64/juesuan.components registered, linux_x86_64 not"

# A Chinese UI, as validate_test.sh runs (its checks read 校验结果 in
# Chinese): Tools > Options > Language's UI choice in the profile (the
# root has the zh-CN language pack).
xcu="$work/profile/user/registrymodifications.xcu"
item='<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>zh-CN</value></prop></item>'
if [ -f "$xcu" ]; then
  sed -i "s|</oor:items>|$item\n</oor:items>|" "$xcu"
else
  mkdir -p "$(dirname "$xcu")"
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' \
    "$item" '</oor:items>' >"$xcu"
fi
chown -R nobody:nogroup "$work/profile"

echo "== the aarch64 soffice.bin, driven over a pipe by the host's Python UNO"
t=$(date +%s)
pipe="juesuan_a64_$$_$RANDOM"
start_office() {
  HOME=$work "${a64[@]}" /usr/lib/libreoffice/program/soffice.bin "-env:UserInstallation=file://$work/profile" \
    --headless --invisible --nodefault --norestore --nologo --nolockcheck \
    "--accept=pipe,name=$pipe;urp;StarOffice.ComponentContext" >>"$work/soffice.log" 2>&1 &
  pid=$!
}
start_office
up=''
restarts=0
for _ in $(seq 1 300); do
  if as_nobody python3 -c "
import uno
r = uno.getComponentContext().ServiceManager.createInstanceWithContext(
    'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
r.resolve('uno:pipe,name=$pipe;urp;StarOffice.ComponentContext')" 2>/dev/null; then
    up=1
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    rc=0
    wait "$pid" || rc=$?
    pid=
    # 81: the first start in a new profile with an extension asks to be
    # restarted (what the soffice script's oosplash does)
    if [ "$rc" -ne 81 ] || [ "$restarts" -ge 2 ]; then
      echo "soffice.bin exited with status $rc" >&2
      break
    fi
    restarts=$((restarts + 1))
    echo "     soffice.bin asked for a restart (exit 81) after $(($(date +%s) - t)) s"
    start_office
  fi
  sleep 1
done
[ -n "$up" ] || { cat "$work/soffice.log" >&2; fail "the aarch64 soffice did not answer on its pipe"; }
echo "ok: the office answers after $(($(date +%s) - t)) s"
# timeout -> unshare -> soffice.bin (sh and chroot exec it)
unshare_pid=$(pgrep -P "$pid" | head -1)
office_pid=$(pgrep -P "$unshare_pid" | head -1)
[ -n "$office_pid" ] || fail "no soffice process found"
case "$(readlink "/proc/$office_pid/exe")" in *qemu-aarch64*) echo "ok: process $office_pid is emulated ($(readlink "/proc/$office_pid/exe"))" ;;
  *) fail "process $office_pid is not run by qemu-aarch64: $(readlink "/proc/$office_pid/exe")" ;; esac

types="file:///usr/lib/libreoffice/program/types.rdb file:///usr/lib/libreoffice/program/types/offapi.rdb"
as_nobody unzip -q -o -d "$work/types" "$work/juesuan.oxt" 'types/*.rdb'
for f in "$work"/types/types/X*.rdb "$work"/types/types/[!X]*.rdb; do
  [ -f "$f" ] && types="$types file://$f"
done
rc=0
as_nobody env VO_PIPE="$pipe" VO_DIR="$work" UNO_TYPES="$types" PYTHONDONTWRITEBYTECODE=1 \
  PYTHONPATH="$work/py" python3 "$work/py/arm64_lo.py" "$work/cli/bin/juesuan" "$work" \
  "$work/sample.ods" "$work/addin.fods" "$office_pid" || rc=$?

echo "== the formula sheet computed by the aarch64 office against the x86-64 expected values"
cases=$(grep -cv -e '^#' -e '^$' "$top/tests/lo/addin-cases.txt")
[ -s "$work/out/addin.csv" ] || fail "the aarch64 office wrote no formula results"
awk -v expect_rows="$cases" -f "$top/tests/lo/addin-check.awk" "$work/out/addin.csv" || rc=1
stop_office
[ "$rc" -eq 0 ] || { echo "--- soffice.log"; tail -20 "$work/soffice.log"; fail "see above"; }
echo "arm64 LibreOffice test passed in $(($(date +%s) - start)) s"
