#!/usr/bin/env bash
# The EPUB's size: the build summary gives the share of images, fonts and text; a book over
# epub.size_budget_mb gets a warning naming what takes the space; entries deflated on worker
# threads read back with their CRCs, images are stored as they are; rebuilds are identical.
# Usage: epub_size_budget.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail
folio=$1 src=$2
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

cp -r "$src/examples/meetup" "$work/book"
cd "$work/book" || exit 1
"$folio" build -o "$work/a.epub" >"$work/out" 2>"$work/err" || fail "build: $(cat "$work/err")"
grep -Eq 'wrote .*a\.epub: .* \(images [0-9]+%, fonts [0-9]+%, text [0-9]+%\)' "$work/out" "$work/err" \
  || fail "the summary does not give the shares: $(cat "$work/out" "$work/err")"
grep -q "size_budget_mb" "$work/err" && fail "a book under its budget was warned: $(cat "$work/err")"
"$folio" build -o "$work/b.epub" >/dev/null 2>&1
cmp -s "$work/a.epub" "$work/b.epub" || fail "two builds differ"
python3 - "$work/a.epub" <<'PY' || fail "archive checks"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad:
    sys.exit(f"bad CRC in {bad}")
for i in z.infolist():
    photo = i.filename.endswith((".jpg", ".jpeg", ".png", ".gif", ".webp"))
    if photo and i.compress_type != zipfile.ZIP_STORED:
        sys.exit(f"{i.filename}: compressed image")
    if i.filename.endswith((".xhtml", ".css", ".opf", ".ncx")) and i.compress_type != zipfile.ZIP_DEFLATED:
        sys.exit(f"{i.filename}: text not deflated")
PY

# Over budget: full fonts in a 1 MB budget.
printf 'epub:\n  embed_fonts: full\n  size_budget_mb: 1\n' >>book.yaml
"$folio" build -o "$work/c.epub" >"$work/out" 2>"$work/err" || fail "build over budget: $(cat "$work/err")"
grep -Eq 'warning: the EPUB is [0-9.]+ MB, over epub.size_budget_mb \(1 MB\): images .*, fonts [0-9.]+ MB \(([5-9][0-9]|100)%\), text' "$work/err" \
  || fail "no size budget warning naming the fonts: $(cat "$work/err")"
# Out of range.
sed -i 's/size_budget_mb: 1/size_budget_mb: -3/' book.yaml
"$folio" build -o "$work/d.epub" >"$work/out" 2>"$work/err"
grep -q "size_budget_mb" "$work/err" || fail "a negative budget is not reported: $(cat "$work/err")"
exit $((failures > 0))
