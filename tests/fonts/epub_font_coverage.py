#!/usr/bin/python3
"""Checks the fonts an EPUB embeds against the text it shows.

For each XHTML file, every character of every text node must be in the cmap of one of the
embedded fonts its CSS font-family names (the @font-face families), emoji excepted: those are
left to the reading system and must be in no embedded font. A character that the book only ever
shows with U+FE0F after it (❤️, ☺️, ✔️: emoji presentation, UTS #51) counts as an emoji. Each embedded font keeps its
copyright, licence and licence-URL name records (IDs 0, 13, 14), and the package lists a
licence text for it.
Usage: epub_font_coverage.py BOOK.epub
"""
import posixpath
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET

import fitz

XHTML = "{http://www.w3.org/1999/xhtml}"


def is_emoji(c):
    o = ord(c)
    return o >= 0x1F000 or o in (0x20E3, 0xFE0F, 0x200D)


def is_invisible(c):
    o = ord(c)
    return c.isspace() or o < 0x20 or 0x7F <= o < 0xA0 or o == 0xAD or 0x200B <= o <= 0x200F or \
        0x2028 <= o <= 0x202E or 0x2060 <= o <= 0x206F or 0xFE00 <= o <= 0xFE0F or o == 0xFEFF


def name_ids(data):
    num_tables = struct.unpack(">H", data[4:6])[0]
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        if tag == b"name":
            count = struct.unpack(">H", data[offset + 2:offset + 4])[0]
            return {struct.unpack(">H", data[offset + 6 + 12 * r + 6:offset + 6 + 12 * r + 8])[0]
                    for r in range(count)}
    return set()


def parse_css(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    faces, rules = {}, []
    for m in re.finditer(r"@font-face\s*{([^}]*)}", css):
        fam = re.search(r'font-family:\s*"([^"]+)"', m.group(1)).group(1)
        url = re.search(r'url\("([^"]+)"\)', m.group(1)).group(1)
        faces[fam] = url
    body = re.sub(r"@font-face\s*{[^}]*}", "", css)
    for m in re.finditer(r"([^{}]+){([^}]*)}", body):
        fm = re.search(r"font-family:\s*([^;]+);?", m.group(2))
        if not fm:
            continue
        families = [f.strip().strip('"') for f in fm.group(1).split(",")]
        for sel in m.group(1).split(","):
            last = sel.strip().split()[-1]  # the compound the element itself must match
            tag = re.match(r"^[a-zA-Z0-9]*", last).group(0)
            classes = re.findall(r"\.([\w-]+)", last)
            rules.append((tag, classes, families))
    return faces, rules


def matches(el, tag, classes):
    name = el.tag.replace(XHTML, "")
    have = set(el.get("class", "").split())
    return (not tag or tag == name) and all(c in have for c in classes)


def main(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    ok = True
    css_name = next(n for n in names if n.endswith(".css"))
    faces, rules = parse_css(z.read(css_name).decode("utf-8"))
    fonts = {}
    opf = z.read(next(n for n in names if n.endswith(".opf"))).decode("utf-8")
    for fam, url in faces.items():
        member = posixpath.normpath(posixpath.join(posixpath.dirname(css_name), url))
        data = z.read(member)
        fonts[fam] = fitz.Font(fontbuffer=data)
        # The Arphic Kai faces (fonts.emphasis: kai) carry no licence URL record to keep.
        wanted = {0, 13} if member.endswith("/emphasis.ttf") else {0, 13, 14}
        missing_names = wanted - name_ids(data)
        if missing_names:
            print(f"{member}: name records {sorted(missing_names)} missing", file=sys.stderr)
            ok = False
        licence = posixpath.splitext(posixpath.basename(member))[0] + "-licence"
        if licence not in opf:
            print(f"{member}: no licence item ({licence}) in the package", file=sys.stderr)
            ok = False
    # Characters shown as text somewhere, and those followed by U+FE0F (emoji presentation).
    as_text, as_emoji = set(), set()
    for n in names:
        if n.endswith(".xhtml"):
            text = "".join(ET.fromstring(z.read(n)).itertext())
            for i, c in enumerate(text):
                (as_emoji if text[i + 1:i + 2] == "\ufe0f" else as_text).add(c)
    emoji_only = as_emoji - as_text
    checked = 0
    for n in names:
        if not n.endswith(".xhtml"):
            continue
        root = ET.fromstring(z.read(n))
        missing = {}

        def walk(el, families):
            nonlocal checked
            for tag, classes, fams in rules:
                if matches(el, tag, classes):
                    families = fams
            embedded = [fonts[f] for f in families if f in fonts]
            texts = [el.text or ""] + [child.tail or "" for child in el]
            for text in texts:
                for c in text:
                    if is_invisible(c) or not embedded:
                        continue
                    if is_emoji(c) or c in emoji_only:
                        if any(f.has_glyph(ord(c)) for f in fonts.values()):
                            missing.setdefault(c, "an embedded font has this emoji")
                        continue
                    checked += 1
                    if not any(f.has_glyph(ord(c)) for f in embedded):
                        missing.setdefault(c, ", ".join(families))
            for child in el:
                walk(child, families)

        walk(root, [])
        for c, fams in missing.items():
            print(f"{n}: U+{ord(c):04X} {c!r} not covered ({fams})", file=sys.stderr)
            ok = False
    if not fonts or not checked:
        print("no embedded fonts or no text checked", file=sys.stderr)
        ok = False
    print(f"epub_font_coverage: {checked} characters against {len(fonts)} fonts")
    return ok


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1]) else 1)
