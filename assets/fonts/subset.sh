#!/bin/sh
# Rebuilds the bundled fonts from the system's Noto Serif CJK and DejaVu Serif (Debian:
# fonts-noto-cjk, fonts-dejavu-core) with fontTools' pyftsubset (pip install fonttools).
#   NotoSerifSC-Regular-GBK.otf   body face: every character of GBK (21886) and ASCII
#   NotoSerifSC-Bold-GB2312.otf   title face: GB2312 (7445), for titles and headings
#   DejaVuSerif-gap.ttf           the few GBK symbols the CJK face lacks (≒) and Latin
# Hinting and OpenType layout tables are dropped (print only), which keeps the three
# under 20 MB. The PDF writer subsets again to the glyphs a document uses.
set -eu
NOTO=${NOTO:-/usr/share/fonts/opentype/noto}
DEJAVU=${DEJAVU:-/usr/share/fonts/truetype/dejavu}
cd "$(dirname "$0")"
python3 - <<'PY'
chars = {chr(c) for c in range(0x20, 0x7F)}
gb2312 = set(chars)
for b1 in range(0x81, 0xFF):
    for b2 in range(0x40, 0xFF):
        if b2 == 0x7F:
            continue
        try:
            chars.add(bytes([b1, b2]).decode("gbk"))
        except UnicodeDecodeError:
            pass
        try:
            gb2312.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open("/tmp/gbk.txt", "w").write("".join(sorted(chars)))
open("/tmp/gb2312.txt", "w").write("".join(sorted(gb2312)))
PY
# Font number 2 of the collection is the SC (Simplified Chinese) face.
pyftsubset "$NOTO/NotoSerifCJK-Regular.ttc" --font-number=2 --text-file=/tmp/gbk.txt \
  --output-file=NotoSerifSC-Regular-GBK.otf --layout-features='' --no-hinting \
  --name-IDs='*' --name-languages='*'
pyftsubset "$NOTO/NotoSerifCJK-Bold.ttc" --font-number=2 --text-file=/tmp/gb2312.txt \
  --output-file=NotoSerifSC-Bold-GB2312.otf --layout-features='' --no-hinting \
  --name-IDs='*' --name-languages='*'
pyftsubset "$DEJAVU/DejaVuSerif.ttf" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF" \
  --output-file=DejaVuSerif-gap.ttf --layout-features='' --no-hinting
