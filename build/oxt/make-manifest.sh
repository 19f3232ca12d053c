#!/usr/bin/env bash
# make-manifest.sh STAGE - write STAGE/META-INF/manifest.xml listing what the
# staged .oxt holds: each platform's .components file, every types/*.rdb and
# every xcu/*.xcu (other parts of the project add .xcu files; none is
# forgotten).  Interface type libraries come before the services built on them.
#
# platform/<os>_<cpu>/juesuan.components is registered for that platform
# only (media-type parameter platform=<Os>_<CPU>, the $_OS_$_ARCH LibreOffice
# compares it with, ignoring case: Linux_X86_64, Linux_AARCH64), so each
# LibreOffice loads its own juesuan.so and never looks at the others.
set -euo pipefail
stage=$1
mkdir -p "$stage/META-INF"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">'
  for f in $(cd "$stage" && ls platform/*/juesuan.components 2>/dev/null); do
    p=${f#platform/}
    p=${p%%/*}
    os=${p%%_*}
    cpu=${p#*_}
    echo " <manifest:file-entry manifest:full-path=\"$f\""
    echo "     manifest:media-type=\"application/vnd.sun.star.uno-components;platform=${os^}_${cpu^^}\"/>"
  done
  for f in $(cd "$stage" && ls types/X*.rdb 2>/dev/null) $(cd "$stage" && ls types/[!X]*.rdb 2>/dev/null); do
    echo " <manifest:file-entry manifest:full-path=\"$f\""
    echo '     manifest:media-type="application/vnd.sun.star.uno-typelibrary;type=RDB"/>'
  done
  for f in $(cd "$stage" && ls xcu/*.xcu 2>/dev/null); do
    echo " <manifest:file-entry manifest:full-path=\"$f\""
    echo '     manifest:media-type="application/vnd.sun.star.configuration-data"/>'
  done
  echo '</manifest:manifest>'
} >"$stage/META-INF/manifest.xml"
