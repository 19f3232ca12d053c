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

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
