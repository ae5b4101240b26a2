#!/usr/bin/python3
"""Kinsoku from glyph positions: no visual line of body text starts with a mark that may
not begin a line, nor ends with one that may not end it (clreq / JLReq). Lines are the
glyphs that share a baseline on a page, in x order; code (monospace fonts) is exempt.
pdftotext cannot be used for this: it splits a line after an emoji image or at a wide gap.

Usage: kinsoku_lines.py [--self-test SCRATCH.pdf] BOOK.pdf...
Prints the lines checked and every fault; exit 1 on any. --self-test first checks that
the checker finds the faults of a PDF it makes itself.
"""
import sys

import fitz  # python3-fitz (PyMuPDF)

NO_START = set("、，；：。．！？‼⁇”’」』）］｝〕】〗〉》—–～·‧・%％々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_END = set("“‘「『（［｛〔【〖〈《")


def visual_lines(page):
    """The text of each visual line, code glyphs (monospace) as NUL. Glyphs of different fonts on one
    line (bold in a sans face, Latin in a serif) sit up to a point apart: one line."""
    glyphs = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            if line["dir"] != (1.0, 0.0):
                continue
            for span in line["spans"]:
                mono = "Mono" in span["font"]
                for ch in span["chars"]:
                    if ch["c"].strip():
                        glyphs.append((ch["origin"][1], ch["origin"][0], "\0" if mono else ch["c"], span["size"]))
    glyphs.sort()
    rows, last_y = [], None
    for y, x, c, size in glyphs:
        if last_y is None or y - last_y > 1.5:
            rows.append([])
        rows[-1].append((x, c, size))
        last_y = y
    out = []
    for row in rows:
        row.sort()
        # Ruby readings and footnote marks are smaller than the text they sit beside; a
        # row of only those is not a line of text.
        if max(size for _, _, size in row) < 6:
            continue
        out.append("".join(c for _, c, _ in row))
    return out


def self_test(path):
    """A PDF with one good line, one that starts with 。 and one that ends with “: the
    checker must find exactly those two."""
    doc = fitz.open()
    page = doc.new_page(width=300, height=200)
    for y, text in ((40, "这是正常的一行文字。"), (60, "。不该在行首的句号"), (80, "不该在行尾的引号“")):
        page.insert_text((20, y), text, fontname="china-s", fontsize=10.5)
    doc.save(path)
    made = fitz.open(path)
    found = [t for t in visual_lines(made[0]) if t[0] in NO_START or t[-1] in NO_END]
    if len(found) != 2:
        print(f"FAIL: self test: found {found}", file=sys.stderr)
        return False
    return True


def main():
    faults = 0
    if len(sys.argv) > 2 and sys.argv[1] == "--self-test":
        if not self_test(sys.argv[2]):
            return 1
        del sys.argv[1:3]
    for path in sys.argv[1:]:
        checked = 0
        for number, page in enumerate(fitz.open(path), start=1):
            for text in visual_lines(page):
                checked += 1
                # "——" opens an attribution; the layout never breaks before a dash.
                if text[0] in NO_START and not text.startswith("——"):
                    faults += 1
                    print(f"FAIL: {path} p.{number}: a line starts with {text[0]!r}: {text[:40]}", file=sys.stderr)
                if text[-1] in NO_END:
                    faults += 1
                    print(f"FAIL: {path} p.{number}: a line ends with {text[-1]!r}: {text[-40:]}", file=sys.stderr)
        print(f"kinsoku_lines: {path}: {checked} lines")
        if checked < 20:
            faults += 1
            print(f"FAIL: {path}: only {checked} lines found", file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
