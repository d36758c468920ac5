#!/usr/bin/python3
"""Prepares the letter font shipped in case-service (see src/main/resources/thaw/cases/fonts/README.md).

Noto Sans SC maps the Kangxi Radicals (U+2F00-U+2FDF) and CJK Radicals Supplement (U+2E80-U+2EFF)
to the same glyphs as the ideographs they resemble. A PDF writer that builds its ToUnicode map from
the font's cmap then reads 户 back as ⼾ and 支 as ⽀, so text copied or searched in a letter is
wrong. This removes those code points from every cmap subtable; no glyph is lost (each is shared).
A few rare symbols that share a glyph with a full-width form Chinese text uses go too, so that form is
what a reader copies: U+2215 (／), U+2035 (｀), U+2329/U+232A (〈〉), U+2003 (the ideographic space).

Needs fontTools (Debian: python3-fonttools). Usage: prepare-letter-font.py IN.ttf OUT.ttf
"""
import sys

from fontTools.ttLib import TTFont

RADICALS = set(range(0x2E80, 0x2FE0)) | {0x2215, 0x2035, 0x2329, 0x232A, 0x2003}

font = TTFont(sys.argv[1])
removed = 0
for table in font["cmap"].tables:
    if table.isUnicode():
        for code in [c for c in table.cmap if c in RADICALS]:
            del table.cmap[code]
            removed += 1
font.save(sys.argv[2])
print(f"removed {removed} code points from the cmap")
