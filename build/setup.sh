#!/usr/bin/env bash
# build/setup.sh - install what building and testing Juesuan needs on Debian 12.
# Idempotent: packages already installed are not fetched again.
set -euo pipefail

PACKAGES=(
  build-essential pkg-config clang lld libclang-rt-14-dev clang-format
  libxml2-dev libxml2-utils libzip-dev libfreexl-dev zip unzip libcunit1-dev valgrind time
  libreoffice-calc libreoffice-dev libreofficekit-dev python3-uno libreoffice-l10n-zh-cn
  xvfb xauth x11-apps xdotool imagemagick poppler-utils
  fonts-noto-cjk fonts-wqy-zenhei python3
  chromium xxd
)

# The aarch64 build (make -C build ARCH=aarch64, oxt-multi, test-arm64): the
# cross compiler, the arm64 -dev packages as multiarch packages beside the
# amd64 ones (Multi-Arch: same; apt upgrades the amd64 twins to the same
# version), and qemu to run the arm64 CLI; mmdebstrap and arch-test build
# the arm64 Debian root test-arm64-lo runs LibreOffice's arm64 packages in
# (tests/arm64/arm64-root.sh).  The arm64 UNO libraries do not
# co-install (they live in /usr/lib/libreoffice/program): build/uno-libs.sh
# extracts them into build/out/aarch64/sysroot when the build needs them.
# Only on an x86-64 machine: an aarch64 one builds its own .oxt natively.
cross=0
[ "$(uname -m)" != x86_64 ] || cross=1
if [ "$cross" -eq 1 ]; then
  PACKAGES+=(
    gcc-aarch64-linux-gnu libc6-dev:arm64 libxml2-dev:arm64 libzip-dev:arm64 libfreexl-dev:arm64
    qemu-user-static binfmt-support file mmdebstrap arch-test
  )
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
update=0
if [ "$cross" -eq 1 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "setup: adding the arm64 architecture"
  $SUDO dpkg --add-architecture arm64
  update=1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ "$update" -eq 1 ]; then
  $SUDO apt-get update -q
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
