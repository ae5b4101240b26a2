#!/usr/bin/env bash
# End to end: highlighted code in both writers. EPUB: epubcheck clean, token spans, every
# colour of the code stylesheet at 4.5:1 on its background in both schemes. PDF: the
# text of every code block survives pdftotext (without line numbers), a Go block shows
# at least 4 distinct colours (PyMuPDF). `folio dump --json` names the language used.
# Usage: highlight_e2e.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
post=$src/tests/highlight/post
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
export PYTHONPATH=$src/tests/highlight${PYTHONPATH:+:$PYTHONPATH}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- EPUB ----------------------------------------------------------------------------
for book in "$post/book.yaml" "$src/examples/meetup/book.yaml"; do
  name=$(basename "$(dirname "$book")")
  "$folio" build -c "$book" -o "$work/$name.epub" 2>"$work/$name.epub.log" || fail "$name: EPUB build failed"
  report=$(java -jar /usr/share/java/epubcheck.jar "$work/$name.epub" 2>&1)
  grep -qF "No errors or warnings detected" <<<"$report" || { fail "$name: epubcheck is not clean"; echo "$report" >&2; }
  python3 - "$work/$name.epub" "$name" <<'PY' || fail "$name: EPUB code checks"
import re, sys, zipfile
path, name = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
css = next(z.read(n).decode() for n in z.namelist() if n.endswith(".css"))
xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
ok = True
def bad(msg):
    global ok
    ok = False
    print(f"{name}: {msg}", file=sys.stderr)

def lum(hex_):
    c = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
def contrast(a, b):
    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

# The code rules in each scheme: background and band, then every colour.
light, _, dark = css.partition("@media (prefers-color-scheme: dark)")
checked = 0
for scheme, text in (("light", light), ("dark", dark)):
    bg = re.search(r"pre\.code \{ background-color: (#[0-9a-f]{6}); color: (#[0-9a-f]{6})", text)
    band = re.search(r"\.line\.hl \{ background-color: (#[0-9a-f]{6})", text)
    if not bg or not band:
        bad(f"{scheme}: no code background in the stylesheet")
        continue
    colours = re.findall(r"pre\.code[^{]*\{[^}]*?[^-]color: (#[0-9a-f]{6})", text)
    for c in colours:
        for back in (bg.group(1), band.group(1)):
            checked += 1
            if contrast(c, back) < 4.5:
                bad(f"{scheme}: {c} on {back} is {contrast(c, back):.2f}:1")
if checked < 2 * 2 * 30:
    bad(f"only {checked} colour pairs checked")
# Go tokens as spans with pandoc's classes, lines as spans, numbers from CSS only.
for cls in ("kw", "st", "co", "dv"):
    if f'<span class="{cls}">' not in xhtml:
        bad(f"no <span class=\"{cls}\"> in the chapters")
if "user-select: none" not in css or "counter(line)" not in css:
    bad("line numbers are not CSS counters kept out of selection")
if name == "post":
    if '<pre class="code highlighted numbered"><code class="language-go" style="counter-reset: line 198">' not in xhtml:
        bad("the numbered Go block does not start at 199")
    bands = xhtml.count('class="line hl"')
    if bands != 4:
        bad(f"{bands} highlighted lines, want 4 (3 in Go, 1 in YAML)")
sys.exit(0 if ok else 1)
PY
done
grep -q "code.md:.*unknown code language 'klingon'" "$work/post.epub.log" || fail "no located warning for 'klingon'"
[[ $(grep -c "klingon" "$work/post.epub.log") -eq 1 ]] || fail "want one warning for klingon"

# ---- dump --json: the language used, and whether it was guessed ---------------------
"$folio" dump --json -c "$post/book.yaml" >"$work/dump.json" 2>/dev/null || fail "dump failed"
python3 - "$work/dump.json" <<'PY' || fail "dump --json code languages"
import sys
from dump_codes import code_blocks
codes = code_blocks(sys.argv[1])
got = [(c["highlight"], c["guessed"]) for c in codes]
want = [("Go", False), ("Bash", True), ("YAML", False), ("JSON", False), ("", False)]
if got != want:
    print(f"code blocks: {got}, want {want}", file=sys.stderr)
    sys.exit(1)
PY

# ---- PDF -----------------------------------------------------------------------------
for book in "$post/book.yaml" "$src/examples/meetup/book.yaml"; do
  name=$(basename "$(dirname "$book")")
  "$folio" build -c "$book" -o "$work/$name.pdf" 2>/dev/null || { fail "$name: PDF build failed"; continue; }
  "$folio" dump --json -c "$book" >"$work/$name.json" 2>/dev/null
  pdftotext -enc UTF-8 "$work/$name.pdf" "$work/$name.txt" || fail "$name: pdftotext"
  /usr/bin/python3 - "$work/$name.pdf" "$work/$name.txt" "$work/$name.json" "$name" <<'PY' || fail "$name: PDF code checks"
import re, sys, fitz
from dump_codes import code_blocks
pdf, txt, dump, name = sys.argv[1:5]
ok = True
def bad(msg):
    global ok
    ok = False
    print(f"{name}: {msg}", file=sys.stderr)
norm = lambda s: re.sub(r"\s+", " ", s).strip()
# Every code line, in order, in the extracted text. Whitespace is left out of the
# comparison: wrapped lines and pdftotext's spacing differ from the source; a line number
# in the extracted text would still break the match.
squash = lambda s: re.sub(r"\s+", "", s)
extracted = open(txt, encoding="utf-8").read()
text = [norm(l) for l in extracted.splitlines() if norm(l)]
flat = squash(extracted)
codes = code_blocks(dump)
# Line by line: a page break may put the running foot between two lines of a block.
at = 0
for c in codes:
    for line in c["text"].splitlines():
        want = squash(line)
        if not want:
            continue
        k = flat.find(want, at)
        if k < 0:
            bad(f"code line not in pdftotext's text as in the source: {line!r}")
        else:
            at = k + len(want)
if name == "post":
    for n in ("199", "200", "207"):
        if n in text:
            bad(f"line number {n} is in the extracted text")
# Colours: the spans of the lines of the first Go block.
go = next((c for c in codes if c["highlight"] == "Go"), None)
go_lines = {norm(l) for l in go["text"].splitlines() if norm(l) and len(norm(l)) > 2} if go else set()
doc = fitz.open(pdf)
colours = set()
for page in doc:
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            if norm("".join(s["text"] for s in line["spans"])) in go_lines:
                colours.update(s["color"] for s in line["spans"] if s["text"].strip())
if len(colours) < 4:
    bad(f"{len(colours)} distinct colours in code, want at least 4")
sys.exit(0 if ok else 1)
PY
done

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "highlight e2e: all checks passed"
