#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the application icon (resources/icons/app/cleardb-console.svg) to the raster files that are
# checked in beside it: PNGs for the freedesktop hicolor theme, a Windows .ico (for the NSIS installer
# and the .exe) and a macOS .icns (for the app bundle). They are checked in rather than rendered on
# every build so that Windows and macOS builds, which have no rsvg-convert, get the same pixels.
# Run it after editing the SVG and commit the results.
#
# Needs: rsvg-convert (librsvg2-bin), png2icns (icnsutils), python3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$root/resources/icons/app
svg=$dir/cleardb-console.svg
for tool in rsvg-convert png2icns python3; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing; apt-get install librsvg2-bin icnsutils python3" >&2; exit 1; }
done

# The sizes the hicolor theme spec lists for apps, up to the 512 px AppStream and macOS want.
sizes=(16 22 24 32 48 64 128 256 512)
mkdir -p "$dir/png"
for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$dir/png/cleardb-console-$size.png"
done

# png2icns picks the icns slot from each PNG's dimensions (16, 32, 48, 128, 256, 512 are valid slots).
png2icns "$dir/cleardb-console.icns" "$dir"/png/cleardb-console-{16,32,48,128,256,512}.png >/dev/null

# An .ico whose entries are PNG-compressed (valid since Windows Vista): ICONDIR, one ICONDIRENTRY per
# image (width/height 0 means 256), then the PNG data at the offsets the entries name.
python3 - "$dir/cleardb-console.ico" "$dir"/png/cleardb-console-{16,24,32,48,64,256}.png <<'PY'
import struct, sys
out, pngs = sys.argv[1], sys.argv[2:]
blobs = [open(p, "rb").read() for p in pngs]
header = struct.pack("<HHH", 0, 1, len(blobs))
offset = 6 + 16 * len(blobs)
entries = b""
for blob in blobs:
    width, height = struct.unpack(">II", blob[16:24])  # IHDR follows the 8-byte signature and chunk header
    entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset)
    offset += len(blob)
with open(out, "wb") as f:
    f.write(header + entries + b"".join(blobs))
PY
echo "render-icons: wrote ${#sizes[@]} PNGs, cleardb-console.ico and cleardb-console.icns in $dir"
