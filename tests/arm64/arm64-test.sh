#!/usr/bin/env bash
# arm64-test.sh OUT ARM_OUT - the aarch64 build (make -C build ARCH=aarch64)
# against the host's x86-64 one:
#  - ARM_OUT/oxt/juesuan.so and ARM_OUT/bin/juesuan are ARM aarch64 ELF
#    files, and the .so needs only libraries LibreOffice's arm64 packages
#    bring (its own UNO libraries, and what libreoffice-core:arm64 depends on);
#  - ARM_OUT/bin/juesuan, run under qemu-user, prints byte for byte what
#    OUT/bin/juesuan prints, with the same exit status: `check --json` on
#    every workbook of tests/data/sample/ and tests/data/sample-2024/,
#    `dump` of the sample and `dump --tables` of the 2024 sample;
#  - OUT/juesuan.oxt (made by `make oxt-multi`) holds both platforms, and
#    the x86-64 LibreOffice installs it with unopkg and registers its own
#    juesuan.components only.
# ARM64_ROOT (default /: the multiarch arm64 libc and libraries setup.sh
# installs) is qemu's -L root for the arm64 dynamic loader and libraries.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$(cd "${1:?usage: arm64-test.sh OUT ARM_OUT}" && pwd)
arm=$(cd "${2:?usage: arm64-test.sh OUT ARM_OUT}" && pwd)
# from the top: the sample names are the same relative paths in both outputs
cd "$top"
root=${ARM64_ROOT:-/}
qemu=${QEMU_AARCH64:-qemu-aarch64-static}
work=$(mktemp -d /tmp/juesuan-arm64.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

echo "== the aarch64 binaries"
for f in "$arm/oxt/juesuan.so" "$arm/bin/juesuan"; do
  desc=$(file -b "$f")
  case "$desc" in *"ARM aarch64"*) echo "ok: $(basename "$f"): ${desc%%,*}, ARM aarch64" ;;
    *) fail "$f is not an aarch64 ELF file: $desc" ;; esac
done

echo "== what juesuan.so needs on arm64"
# (awk reads to the end: apt-cache killed by a closed pipe would fail under pipefail)
depends=$(apt-cache show libreoffice-core:arm64 | awk '/^Depends:/ && !seen { print; seen = 1 }')
[ -n "$depends" ] || fail "apt knows no libreoffice-core:arm64 (bash build/setup.sh)"
needed=$(aarch64-linux-gnu-readelf -d "$arm/oxt/juesuan.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in $needed; do
  case "$lib" in
    libuno_*)
      # LibreOffice's own UNO libraries (libuno-sal3, libuno-cppu3 ...)
      [ -e "$arm/sysroot/usr/lib/libreoffice/program/$lib" ] ||
        fail "juesuan.so needs $lib, which no LibreOffice arm64 package ships"
      echo "ok: $lib (LibreOffice's UNO runtime)" ;;
    libc.so.6 | libm.so.6 | ld-linux-aarch64.so.1)
      echo "ok: $lib (libc6)" ;;
    *)
      pkg=$(dpkg -S "/usr/lib/aarch64-linux-gnu/$lib" 2>/dev/null | sed -n '1s/:arm64:.*//p')
      [ -n "$pkg" ] || fail "juesuan.so needs $lib, from no installed arm64 package"
      case "$depends" in *" $pkg "* | *" $pkg,"* | *" $pkg")
        echo "ok: $lib ($pkg, a dependency of libreoffice-core:arm64)" ;;
        *)
          # FreeXL is linked in and libzip opened when needed (zip_lazy.c):
          # anything else is a dependency a LibreOffice desktop may not have
          fail "juesuan.so needs $lib ($pkg), which libreoffice-core:arm64 does not depend on" ;;
      esac ;;
  esac
done

echo "== juesuan under qemu-aarch64 prints what the x86-64 build prints"
# same_output NAME ARGS...: run both builds, compare stdout, stderr and exit status.
same_output() {
  local name=$1 rc_x=0 rc_a=0
  shift
  "$out/bin/juesuan" "$@" >"$work/$name.x86_64" 2>"$work/$name.x86_64.err" || rc_x=$?
  "$qemu" -L "$root" "$arm/bin/juesuan" "$@" >"$work/$name.aarch64" 2>"$work/$name.aarch64.err" || rc_a=$?
  [ -s "$work/$name.x86_64" ] || fail "$name: the x86-64 build printed nothing (exit $rc_x)"
  cmp "$work/$name.x86_64" "$work/$name.aarch64" ||
    { diff "$work/$name.x86_64" "$work/$name.aarch64" | head -20 >&2; fail "$name: output differs"; }
  cmp -s "$work/$name.x86_64.err" "$work/$name.aarch64.err" ||
    { diff "$work/$name.x86_64.err" "$work/$name.aarch64.err" | head -20 >&2; fail "$name: messages differ"; }
  [ "$rc_x" -eq "$rc_a" ] || fail "$name: exit $rc_x on x86-64, $rc_a on aarch64"
  echo "ok: $name: $(wc -c <"$work/$name.x86_64") bytes identical, exit $rc_x"
}
books=()
for f in tests/data/sample/*.ods tests/data/sample-2024/*.ods tests/data/sample-2024/*.fods; do
  [ -e "$f" ] && books+=("$f")
done
[ ${#books[@]} -gt 10 ] || fail "only ${#books[@]} sample workbooks found"
for f in "${books[@]}"; do
  same_output "check-$(basename "$(dirname "$f")")-$(basename "$f")" check --json "$f"
done
same_output dump-sample dump tests/data/sample/sample.ods
same_output dump-tables-2024 dump --tables tests/data/sample-2024/sample.ods

echo "== the two-platform juesuan.oxt"
oxt=$out/juesuan.oxt
listing=$(unzip -Z1 "$oxt")
for p in linux_x86_64 linux_aarch64; do
  for f in juesuan.so juesuan.components; do
    grep -qx "platform/$p/$f" <<<"$listing" || fail "juesuan.oxt has no platform/$p/$f"
  done
done
unzip -p "$oxt" platform/linux_aarch64/juesuan.so | cmp -s - "$arm/oxt/juesuan.so" ||
  fail "juesuan.oxt's aarch64 juesuan.so is not the one just built"
manifest=$(unzip -p "$oxt" META-INF/manifest.xml)
for t in Linux_X86_64 Linux_AARCH64; do
  grep -q "uno-components;platform=$t\"" <<<"$manifest" || fail "manifest.xml registers nothing for $t"
done
grep -q '<platform value="linux_x86_64,linux_aarch64"/>' <(unzip -p "$oxt" description.xml) ||
  fail "description.xml does not name both platforms"
echo "ok: both platforms' juesuan.so and .components, the manifest and description.xml"

# shellcheck source=tests/lo/lo-env.sh
. "$top/tests/lo/lo-env.sh"
lo_init
trap 'lo_cleanup; rm -rf "$work"' EXIT
lo_install "$oxt"
listed=$(lo_list 2>&1)
grep -q 'Identifier: org.juesuan' <<<"$listed" || fail "org.juesuan not listed after unopkg add"
grep -A1 'URL: .*/platform/linux_x86_64/juesuan.components$' <<<"$listed" | grep -q 'is registered: yes' ||
  fail "the x86-64 juesuan.components is not registered: $listed"
! grep -q 'linux_aarch64' <<<"$listed" || fail "the x86-64 office took the aarch64 component: $listed"
lo_remove org.juesuan
echo "ok: unopkg add on x86-64 registers platform/linux_x86_64/juesuan.components only"
