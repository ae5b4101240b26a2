#!/usr/bin/env bash
# End to end for a FOLIO_WITH_HIGHLIGHTING=OFF build (folio_plain): it needs neither Qt nor
# KSyntaxHighlighting, builds both formats of the highlighting test post and examples/meetup
# cleanly, and sets every code block in one colour with its text intact.
# Usage: plain_e2e.sh FOLIO_PLAIN_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
export PYTHONPATH=$src/tests/highlight${PYTHONPATH:+:$PYTHONPATH}
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache
trap 'rm -rf "$work"' EXIT

qt=$(readelf -d "$folio" | grep NEEDED | grep -iE "qt5|kf5")
[[ -z $qt ]] || fail "the plain build links Qt or KSyntaxHighlighting: $qt"
"$folio" --version >/dev/null || fail "folio --version"

for book in "$src/tests/highlight/post/book.yaml" "$src/examples/meetup/book.yaml"; do
  name=$(basename "$(dirname "$book")")
  "$folio" build -c "$book" -o "$work/$name.epub" 2>"$work/$name.log" || fail "$name: EPUB build failed"
  grep -q "code language" "$work/$name.log" && fail "$name: a warning about code languages without an engine"
  report=$(java -jar /usr/share/java/epubcheck.jar "$work/$name.epub" 2>&1)
  grep -qF "No errors or warnings detected" <<<"$report" || { fail "$name: epubcheck is not clean"; echo "$report" >&2; }
  "$folio" build -c "$book" -o "$work/$name.pdf" 2>/dev/null || { fail "$name: PDF build failed"; continue; }
  qpdf --check "$work/$name.pdf" >/dev/null 2>&1 || fail "$name: qpdf --check"
  "$folio" dump --json -c "$book" >"$work/$name.json" 2>/dev/null || fail "$name: dump failed"
  /usr/bin/python3 - "$work/$name.epub" "$work/$name.pdf" "$work/$name.json" "$name" <<'PY' || fail "$name: plain code checks"
import re, sys, zipfile, fitz
from dump_codes import code_blocks
epub, pdf, dump, name = sys.argv[1:5]
ok = True
def bad(msg):
    global ok
    ok = False
    print(f"{name}: {msg}", file=sys.stderr)
codes = code_blocks(dump)
if len(codes) < 3:
    bad(f"only {len(codes)} code blocks")
for c in codes:
    if c["highlight"] or c["guessed"]:
        bad(f"a code block has language {c['highlight']!r} (guessed: {c['guessed']})")
# EPUB: no token spans, and the code text is there.
z = zipfile.ZipFile(epub)
xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
for cls in ("kw", "st", "co", "dv"):
    if f'<span class="{cls}">' in xhtml:
        bad(f'<span class="{cls}"> in a plain build')
# PDF: every code span of the book in one colour.
squash = lambda s: re.sub(r"\s+", "", s)
code_lines = {squash(l) for c in codes for l in c["text"].splitlines() if len(squash(l)) > 8}
colours, seen = set(), set()
for page in fitz.open(pdf):
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = squash("".join(s["text"] for s in line["spans"]))
            if text in code_lines:
                seen.add(text)
                colours.update(s["color"] for s in line["spans"] if s["text"].strip())
if len(seen) < len(code_lines) // 2:
    bad(f"only {len(seen)} of {len(code_lines)} code lines found in the PDF")
if len(colours) != 1:
    bad(f"{len(colours)} colours in code, want 1")
sys.exit(0 if ok else 1)
PY
done

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "plain (FOLIO_WITH_HIGHLIGHTING=OFF) e2e: all checks passed"
