#!/usr/bin/env bash
# Link rectangles in a paragraph long enough to be laid out in pieces (over 8 kB) and
# hyphenated: every link of the post is a /Link annotation, and each covers its own word
# as pdftotext's layout (PyMuPDF's words) places it, within 1.5 pt.
# Usage: link_rects.sh FOLIO_BINARY
set -euo pipefail
folio=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
mkdir -p "$work/site/content/posts"
echo "title: links" >"$work/site/hugo.yaml"
/usr/bin/python3 - "$work/site/content/posts" <<'PY'
import random, sys
random.seed(3)
words = "international organization responsibilities characteristically implementation extraordinary communication understanding the of and a to in".split()
out = [f"[linkword{i}](http://example.com/{i})" if i % 37 == 5 else random.choice(words) for i in range(1500)]
open(sys.argv[1] + "/p.md", "w").write("---\ntitle: p\ndate: 2024-01-01\ntags: [t]\n---\n\n" + " ".join(out) + "\n")
open(sys.argv[1] + "/q.md", "w").write("---\ntitle: q\ndate: 2024-01-02\ntags: [t]\n---\n\nshort\n")
PY
"$folio" build "$work/site" -t t -o "$work/book.pdf" --offline
/usr/bin/python3 - "$work/book.pdf" <<'PY'
import sys
import fitz
doc = fitz.open(sys.argv[1])
expected = {str(i) for i in range(1500) if i % 37 == 5}
seen, bad = set(), 0
for page in doc:
    words = page.get_text("words")
    for link in page.get_links():
        if link.get("kind") != fitz.LINK_URI:
            continue
        n = link["uri"].rsplit("/", 1)[1]
        r = link["from"]
        near = [w for w in words if w[4].startswith(f"linkword{n}") and abs((w[1] + w[3]) / 2 - (r.y0 + r.y1) / 2) < 6]
        if not near:
            bad += 1
            print(f"FAIL: link {n}: no word linkword{n} on its line")
            continue
        seen.add(n)
        w = near[0]
        if abs(w[0] - r.x0) > 1.5 or abs(w[2] - r.x1) > 1.5:
            bad += 1
            print(f"FAIL: link {n}: rectangle x {r.x0:.1f}-{r.x1:.1f}, its word x {w[0]:.1f}-{w[2]:.1f}")
missing = expected - seen
if missing:
    print(f"FAIL: {len(missing)} of {len(expected)} links have no annotation")
if bad or missing:
    sys.exit(1)
print(f"{len(seen)} links, each rectangle on its word")
PY
