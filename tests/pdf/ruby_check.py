#!/usr/bin/env python3
"""Ruby in a PDF built from pdf_ruby_labels.sh's book: each reading is set above its base
at half the base's size, centred over it, clear of every other glyph (the line above, the
neighbours of a base widened for a long reading), and pdftotext reads the base followed by
its reading in parentheses, never the two run together.

Usage: ruby_check.py BOOK.pdf BOOK.txt   (BOOK.txt: pdftotext's output)
"""
import sys

import fitz

# The last pair is in a table cell, on a wrapped line: its reading must clear the line above.
PAIRS = [("汉", "hàn"), ("字", "zì"), ("東京", "とうきょう"), ("一", "a very long reading"), ("kanji", "かんじ"),
         ("注音", "zhùyīn")]
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL: " + message, file=sys.stderr)


def glyphs(page):
    """Every glyph drawn on the page: (char, bbox, size), bbox = (x0, y0, x1, y1)."""
    out = []
    for span in page.get_texttrace():
        for c in span["chars"]:
            if chr(c[0]) != " ":
                out.append((chr(c[0]), fitz.Rect(c[3]), span["size"]))
    return out


def find_runs(gs, text, size_test):
    """Runs of consecutive glyphs spelling `text` (spaces ignored) whose sizes pass."""
    want = text.replace(" ", "")
    runs = []
    for i in range(len(gs) - len(want) + 1):
        run = gs[i:i + len(want)]
        if "".join(g[0] for g in run) == want and all(size_test(g[2]) for g in run):
            runs.append(run)
    return runs


def box(run):
    r = fitz.Rect(run[0][1])
    for g in run[1:]:
        r |= g[1]
    return r


doc = fitz.open(sys.argv[1])
page = next((p for p in doc if "東京" in "".join(chr(c[0]) for s in p.get_texttrace() for c in s["chars"])), None)
if page is None:
    fail("no page holds the ruby paragraph")
    sys.exit(1)
gs = glyphs(page)
body = max(g[2] for g in gs if g[0] == "这")
for base, reading in PAIRS:
    readings = find_runs(gs, reading, lambda s: s < body * 0.75)
    if len(readings) != 1:
        fail(f"{reading!r}: found {len(readings)} times as small glyphs, not once")
        continue
    r_glyphs = readings[0]
    r = box(r_glyphs)
    # Body text, or a table's smaller type: at least half again the reading's size.
    bases = find_runs(gs, base, lambda s: s <= body + 0.01 and s > r_glyphs[0][2] * 1.5)
    if not bases:
        fail(f"{base!r}: no base glyphs at a text size")
        continue
    # The base under the reading: the nearest one by horizontal centre.
    b_glyphs = min(bases, key=lambda run: abs((box(run).x0 + box(run).x1) / 2 - (r.x0 + r.x1) / 2)
                   + (0 if box(run).y0 >= r.y1 - 0.5 else 1000))
    b = box(b_glyphs)
    ratio = r_glyphs[0][2] / b_glyphs[0][2]
    if not 0.45 <= ratio <= 0.55:
        fail(f"{reading!r}: set at {ratio:.2f} of its base's size, not about half")
    if r.y1 > b.y0 + 0.5:
        fail(f"{reading!r}: its bottom {r.y1:.1f} is not above its base's top {b.y0:.1f}")
    if b.y0 - r.y1 > body * 0.5:
        fail(f"{reading!r}: floats {b.y0 - r.y1:.1f} pt above its base")
    off = (r.x0 + r.x1) / 2 - (b.x0 + b.x1) / 2
    if abs(off) > body * 0.3:
        fail(f"{reading!r}: centred {off:+.1f} pt off its base {base!r}")
    # Nothing but its own base under it, and nothing of the line above in it.
    for g in gs:
        if g in r_glyphs or g in b_glyphs:
            continue
        overlap = g[1] & r
        if not overlap.is_empty and overlap.width > 0.3 and overlap.height > 0.3:
            fail(f"{reading!r} at {tuple(round(v, 1) for v in r)} runs into {g[0]!r} at {tuple(round(v, 1) for v in g[1])}")
        same_line = abs(g[1].y1 - b.y1) < 1 and abs(g[2] - b_glyphs[0][2]) < 0.01
        if same_line and min(g[1].x1, r.x1) - max(g[1].x0, r.x0) > 0.5:
            fail(f"{reading!r} hangs over {g[0]!r}, a neighbour of its base {base!r}")

# The text layer: the base, then its reading in parentheses, as <rp> gives readers without ruby.
text = open(sys.argv[2], encoding="utf-8").read()
flat = "".join(text.split())
for base, reading in PAIRS:
    want = base + "(" + reading.replace(" ", "") + ")"
    if want not in flat:
        fail(f"pdftotext does not read {want!r}")
    if flat.count(reading.replace(" ", "")) != 1:
        fail(f"pdftotext reads {reading!r} {flat.count(reading.replace(' ', ''))} times, not once")
# A base widened for a long reading leaves room on both sides of it in the line: the text
# layer must not read that room as spaces ("以及 東京(とうきょう) 和").
joined = text.replace("\n", "")
for base, reading in PAIRS[:4]:  # the Chinese sentence; "kanji" sits between real spaces
    want = base + "(" + reading + ")"
    at = joined.find(want)
    if at < 0:
        continue  # reported above
    around = joined[max(at - 1, 0):at] + joined[at + len(want):at + len(want) + 1]
    if " " in around:
        fail(f"pdftotext puts a space next to {want!r}: {joined[max(at - 3, 0):at + len(want) + 3]!r}")
for run_together in ("汉hàn字", "汉hàn", "字zì"):
    if run_together in flat:
        fail(f"pdftotext runs base and reading together: {run_together!r}")
sys.exit(1 if failures else 0)
