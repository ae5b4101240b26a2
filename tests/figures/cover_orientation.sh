#!/usr/bin/env bash
# A `cover:` JPEG with EXIF Orientation=6 (stored 640x400, shown 400x640) comes out upright
# in the EPUB (the cover image and the cover page's viewBox) and on the PDF's cover page:
# the embedded images are 400x640, and their pixels are the stored ones turned a quarter
# clockwise (compared by the mean colour of each quadrant, with PyMuPDF).
# Usage: cover_orientation.sh FOLIO_BINARY SOURCE_DIR
set -euo pipefail
folio=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8

mkdir -p "$work/site/content/posts"
echo "title: cover" >"$work/site/hugo.yaml"
# Two posts: a book, which has a cover page in the PDF too (a one-post handout has none).
for n in 1 2; do
  printf -- "---\ntitle: post %s\ndate: 2024-01-0%s\ntags: [t]\n---\nAn ordinary post.\n" "$n" "$n" >"$work/site/content/posts/p$n.md"
done
/usr/bin/python3 - "$source_dir/examples/meetup/static/images/venue.jpg" "$work/cover.jpg" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()
# APP1 "Exif": a big-endian TIFF header and IFD0 with one entry, Orientation (0x0112) = 6.
tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack(">I", 0)
app1 = b"Exif\x00\x00" + tiff
open(sys.argv[2], "wb").write(b[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b[2:])
PY
printf 'title: cover\ncover: cover.jpg\n' >"$work/book.yaml"

"$folio" build "$work/site" -c "$work/book.yaml" -t t -o "$work/book.epub" --offline
"$folio" build "$work/site" -c "$work/book.yaml" -t t -o "$work/book.pdf" --offline
unzip -p "$work/book.epub" EPUB/cover.xhtml | grep -q 'viewBox="0 0 400 640"' ||
  { echo "FAIL: the EPUB's cover page is not 400x640" >&2; exit 1; }

/usr/bin/python3 - "$work/cover.jpg" "$work/book.epub" "$work/book.pdf" <<'PY'
import sys, zipfile
import fitz

def quadrants(pix):
    """Mean RGB of the four quadrants (top-left, top-right, bottom-left, bottom-right)."""
    w, h, n = pix.width, pix.height, pix.n
    data = pix.samples
    out = []
    for qy in (0, 1):
        for qx in (0, 1):
            sums, count = [0, 0, 0], 0
            for y in range(qy * h // 2, (qy + 1) * h // 2, 4):
                for x in range(qx * w // 2, (qx + 1) * w // 2, 4):
                    i = (y * w + x) * n
                    for c in range(3):
                        sums[c] += data[i + c]
                    count += 1
            out.append([s / count for s in sums])
    return out

stored = fitz.Pixmap(open(sys.argv[1], "rb").read())  # MuPDF ignores EXIF: the stored pixels
assert (stored.width, stored.height) == (640, 400), (stored.width, stored.height)
s = quadrants(stored)
# Turned a quarter clockwise: the stored bottom-left comes to the top-left, and so on.
expected = [s[2], s[0], s[3], s[1]]
sideways = s

def check(what, data):
    pix = fitz.Pixmap(data)
    if pix.n > 3 and pix.alpha:
        pix = fitz.Pixmap(pix, 0)
    if (pix.width, pix.height) != (400, 640):
        sys.exit(f"FAIL: {what} is {pix.width}x{pix.height}, not 400x640 (upright)")
    q = quadrants(pix)
    off = max(abs(a - b) for qa, qb in zip(q, expected) for a, b in zip(qa, qb))
    if off > 12:
        sys.exit(f"FAIL: {what}: the quadrants are not the stored ones turned clockwise (off by {off:.1f})")
    print(f"{what}: 400x640, quadrants within {off:.1f} of the turned image")

with zipfile.ZipFile(sys.argv[2]) as z:
    check("the EPUB's cover image", z.read("EPUB/images/cover.jpg"))
doc = fitz.open(sys.argv[3])
images = doc[0].get_images(full=True)
if not images:
    sys.exit("FAIL: the PDF's first page has no image (no cover page)")
check("the PDF's cover image", doc.extract_image(images[0][0])["image"])
PY
echo "cover orientation: upright in EPUB and PDF"
