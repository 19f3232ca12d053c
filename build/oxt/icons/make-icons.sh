#!/usr/bin/env bash
# make-icons.sh - draws the four command icons (16 and 26 px PNGs): one
# character on a coloured tile.  Run once by hand; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")"
font=$(fc-list ':lang=zh:style=Bold' file | grep -i 'sans' | head -1 | cut -d: -f1)
draw() { # name colour glyph
  for size in 16 26; do
    convert -size ${size}x${size} xc:none -fill "$2" \
      -draw "roundrectangle 0,0 $((size - 1)),$((size - 1)) 3,3" \
      -font "$font" -pointsize $((size * 3 / 4)) -fill white -gravity center \
      -annotate +0+0 "$3" "$1_${size}.png"
  done
}
draw validate '#2e7d32' '校'
draw fillnarrative '#1565c0' '填'
draw validateexportpdf '#6a1b9a' '印'
draw clearmarks '#757575' '清'
