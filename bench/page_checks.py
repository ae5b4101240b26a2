#!/usr/bin/python3
"""page_checks.py -- runts, headings at a page foot and blank page feet before a figure,
measured from glyph positions with the line grouping of kinsoku_geom.py (python3-fitz).

usage: /usr/bin/python3 bench/page_checks.py BOOK.pdf [--tools DIR]
  --tools DIR  where kinsoku_geom.py is (default /work/shared/tools)

- runt: a paragraph's last line holding at most 2 characters ("倍。");
- heading at foot: the last text line of a page is set larger than the body and the next
  page does not start a chapter;
- blank foot before a figure: more than 20% of the text block is empty below the last
  body line and the next page starts with an image (not a chapter opening).
"""
import collections
import sys


def main(argv):
    tools = "/work/shared/tools"
    if "--tools" in argv:
        tools = argv[argv.index("--tools") + 1]
    sys.path.insert(0, tools)
    import fitz
    import kinsoku_geom as kg
    path = argv[1]
    doc = fitz.open(path)
    H = doc[0].rect.height
    bypage = collections.defaultdict(list)
    for ln in kg.read_lines(path, None):
        if ln.y < 0.085 * H or ln.y > 0.925 * H:
            continue  # running heads and page numbers
        bypage[ln.page].append(ln)
    sizes = collections.Counter(round(c["size"] * 4) / 4 for p in bypage.values() for l in p if l.kind == "body"
                                for c in l.glyphs)
    size = sizes.most_common(1)[0][0]
    pitches = collections.Counter()
    for ls in bypage.values():
        for a, b in zip(ls, ls[1:]):
            pitches[round((b.y - a.y) * 10) / 10] += 1
    pitch = pitches.most_common(1)[0][0]

    def body(l):
        g = l.glyphs
        return l.kind == "body" and g and sum(1 for c in g if abs(c["size"] - size) < 0.3) >= 0.8 * len(g)

    lefts = collections.Counter(round(l.x0) for ls in bypage.values() for l in ls if body(l))
    paragraphs = runts = 0
    examples = []
    for p, ls in sorted(bypage.items()):
        for a, b in zip(ls, ls[1:]):
            if not body(a) or not body(b):
                continue
            if abs((b.y - a.y) - pitch) > 0.15 * pitch or b.x0 > a.x0 + 0.5 * size:
                paragraphs += 1
                if len(a.glyphs) <= 2 and a.x0 < b.x0 + 4 * size:
                    runts += 1
                    examples.append("p.%d %s" % (p, a.text.strip()))
    print("RUNTS: paragraph ends seen %d, last lines of <=2 characters %d (%.1f%%)"
          % (paragraphs, runts, 100.0 * runts / max(paragraphs, 1)))
    for e in examples[:8]:
        print("   " + e)
    # Page feet.
    bottoms = [max(l.y for l in ls) for ls in bypage.values() if ls]
    block_bottom = collections.Counter(round(b) for b in bottoms).most_common(1)[0][0]
    tops = [min(l.y for l in ls) for ls in bypage.values() if ls]
    block_top = collections.Counter(round(t) for t in tops).most_common(1)[0][0] - pitch
    heading_feet, blank_before_figure = [], []
    pages = sorted(bypage)
    for k, p in enumerate(pages):
        ls = bypage[p]
        last = ls[-1]
        nxt = bypage.get(p + 1)
        big = last.glyphs and sum(c["size"] for c in last.glyphs) / len(last.glyphs) > size * 1.1
        if big and nxt and last.y < block_bottom + 1:
            heading_feet.append("p.%d %s" % (p, last.text.strip()[:30]))
        images = doc[p - 1 + 1].get_image_info() if p < len(doc) else []
        if nxt is None or not images:
            continue
        first_line = min(nxt, key=lambda l: l.y)
        top_image = min(i["bbox"][1] for i in images)
        opens_chapter = first_line.glyphs and first_line.glyphs[0]["size"] > size * 1.3
        if top_image < first_line.y and not opens_chapter and body(last):
            blank = (block_bottom - last.y) / (block_bottom - block_top)
            if blank > 0.2:
                blank_before_figure.append("p.%d %.0f%%" % (p, 100 * blank))
    print("HEADINGS at a page foot: %d %s" % (len(heading_feet), "; ".join(heading_feet[:6])))
    print("PAGES >20%% blank before a page that opens with a figure: %d %s"
          % (len(blank_before_figure), "; ".join(blank_before_figure[:8])))


if __name__ == "__main__":
    main(sys.argv)
