#!/usr/bin/env bash
# Renders the PNG sizes of the app icon from com.zenovay.Admin.svg (Debian: librsvg2-bin).
# Run after changing the SVG; the PNGs are committed, so builds need no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" com.zenovay.Admin.svg -o "hicolor/${size}x${size}/apps/com.zenovay.Admin.png"
done
