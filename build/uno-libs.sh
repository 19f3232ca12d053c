#!/usr/bin/env bash
# uno-libs.sh ARCH SYSROOT - put another architecture's UNO libraries (and
# its sal/typesizes.h) into SYSROOT, to link the cross-built juesuan.so
# against (build/mk/60-uno.mk).  They come from Debian's own LibreOffice
# packages for that architecture, the same version as the host's: they
# cannot be installed beside the host's (both live in
# /usr/lib/libreoffice/program), so `apt-get download` fetches the .debs
# and `dpkg-deb -x` unpacks them.  Needs `dpkg --add-architecture` for it
# (build/setup.sh does arm64) and the network to the Debian mirror; the
# .debs stay in SYSROOT/debs, so a second run fetches nothing.
set -euo pipefail
arch=${1:?usage: uno-libs.sh ARCH SYSROOT}
sysroot=${2:?usage: uno-libs.sh ARCH SYSROOT}
case "$arch" in
  aarch64) debarch=arm64 ;;
  x86_64) debarch=amd64 ;;
  *) echo "uno-libs.sh: no Debian architecture known for $arch" >&2; exit 1 ;;
esac
# The version of the host's LibreOffice, so headers and libraries agree.
version=$(dpkg-query -W -f='${Version}' libuno-sal3)
packages=(libuno-sal3 libuno-cppu3 libuno-salhelpergcc3-3 libreoffice-dev)
mkdir -p "$sysroot/debs"
cd "$sysroot/debs"
for p in "${packages[@]}"; do
  if ! ls "${p}_"*"_$debarch.deb" >/dev/null 2>&1; then
    # apt-get download as root warns that it cannot drop privileges to
    # _apt in a folder _apt cannot write to; the download is the same.
    apt-get download -q "$p:$debarch=$version" 2>&1 | grep -v 'unsandboxed as root' || true
    ls "${p}_"*"_$debarch.deb" >/dev/null 2>&1 || {
      echo "uno-libs.sh: could not download $p:$debarch=$version" \
        "(dpkg --add-architecture $debarch && apt-get update?)" >&2
      exit 1
    }
  fi
done
for deb in *_"$debarch".deb; do
  dpkg-deb -x "$deb" "$sysroot"
done
for f in usr/lib/libreoffice/program/libuno_sal.so.3 usr/lib/libreoffice/program/libuno_cppu.so.3 \
  usr/lib/libreoffice/sdk/lib/libuno_sal.so "usr/include/$arch-linux-gnu/libreoffice/sal/typesizes.h"; do
  [ -e "$sysroot/$f" ] || { echo "uno-libs.sh: $f missing from the $debarch packages" >&2; exit 1; }
done
touch "$sysroot/.stamp"
echo "uno-libs.sh: $debarch UNO libraries $version in $sysroot"
