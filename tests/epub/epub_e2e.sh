#!/usr/bin/env bash
# End to end: `folio build` to EPUB on the torture book, a one-post book and examples/meetup;
# every EPUB through epubcheck (0 errors, 0 warnings), rebuilds byte-identical, --strict and
# bad output paths leave nothing behind.
# Usage: epub_e2e.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
torture=$src/tests/epub/torture
meetup=$src/examples/meetup
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

epubcheck_clean() {  # epubcheck_clean FILE WHAT
  local report
  report=$(java -jar /usr/share/java/epubcheck.jar "$1" 2>&1)
  local rc=$?
  if [[ $rc -ne 0 ]] || ! grep -qF "No errors or warnings detected" <<<"$report"; then
    fail "$2: epubcheck is not clean (exit $rc):"
    echo "$report" >&2
  fi
}

# Archive checks with Python's zipfile: entry names ASCII without spaces, mimetype first
# and stored, images stored, and every XHTML file parses as XML.
archive_checks() {  # archive_checks FILE WHAT
  python3 - "$1" "$2" <<'PY' || fail "$2: archive checks"
import sys, zipfile, xml.dom.minidom
path, what = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
infos = z.infolist()
ok = True
def bad(msg):
    global ok
    ok = False
    print(f"{what}: {msg}", file=sys.stderr)
if infos[0].filename != "mimetype" or infos[0].compress_type != zipfile.ZIP_STORED or infos[0].extra:
    bad("mimetype is not the first stored entry without extra field")
for i in infos:
    n = i.filename
    if not n.isascii() or " " in n:
        bad(f"entry name not plain ASCII: {n!r}")
    if n.endswith((".png", ".jpg", ".gif")) and i.compress_type != zipfile.ZIP_STORED:
        bad(f"image is compressed: {n}")
    if n.endswith(".xhtml"):
        text = z.read(n).decode("utf-8")
        if not text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>'):
            bad(f"{n} does not start with the XML declaration and doctype")
        if "&nbsp;" in text:
            bad(f"{n} holds a named entity")
        xml.dom.minidom.parseString(text.encode("utf-8"))
sys.exit(0 if ok else 1)
PY
}

# --- the torture book ---
out=$work/torture.epub
"$folio" build "$torture" -o "$out" >"$work/stdout" 2>"$work/stderr"
rc=$?
[[ $rc -eq 0 ]] || fail "torture build exited $rc: $(cat "$work/stderr")"
grep -qE "^wrote .*torture.epub: 4 chapters, [0-9]+ figures? embedded, [1-9][0-9]* failed" "$work/stdout" ||
  fail "torture summary line: $(cat "$work/stdout")"
# The missing figures are located warnings.
grep -qE "missing-image.png|missing 缺失.jpg" "$work/stderr" || fail "no warning for the missing figure: $(cat "$work/stderr")"
grep -qE ":[0-9]+:[0-9]+: warning: " "$work/stderr" || fail "warnings carry no line:column"
epubcheck_clean "$out" torture
archive_checks "$out" torture
# Split: the long chapter is in several files.
python3 - "$out" <<'PY' || fail "torture: the long chapter was not split"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
sys.exit(0 if any(n.endswith("-2.xhtml") for n in names) else 1)
PY

# Byte-identical rebuild.
"$folio" build "$torture" -o "$work/torture2.epub" >/dev/null 2>&1
cmp -s "$out" "$work/torture2.epub" || fail "two builds of the torture book differ"

# --strict: the missing figure is an error, exit 1, no file written.
"$folio" build "$torture" --strict -o "$work/strict.epub" >/dev/null 2>&1
rc=$?
[[ $rc -eq 1 ]] || fail "--strict exited $rc, expected 1"
[[ -e $work/strict.epub ]] && fail "--strict left a file behind"
ls "$work" | grep -q "strict.epub.tmp" && fail "--strict left a temporary file"

# Usage errors exit 2.
"$folio" build "$torture" -o "$work/book.txt" >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "an unknown output extension should exit 2"
"$folio" build "$torture" --tag no-such-tag -o "$work/empty.epub" >/dev/null 2>&1
[[ $? -eq 2 ]] || fail "an empty selection should exit 2"
[[ -e $work/empty.epub ]] && fail "an empty selection left a file"
# An output folder that cannot be made (its parent is a file): exit 1, nothing written.
echo x >"$work/a-file"
"$folio" build "$torture" -o "$work/a-file/dir/x.epub" >/dev/null 2>&1
[[ $? -eq 1 ]] || fail "an unwritable output should exit 1"

# --- a one-post book ---
"$folio" build "$torture/content/posts/second post.md" -o "$work/one.epub" >"$work/stdout" 2>"$work/stderr"
rc=$?
[[ $rc -eq 0 ]] || fail "one-post build exited $rc: $(cat "$work/stderr")"
grep -q ": 1 chapter," "$work/stdout" || fail "one-post summary: $(cat "$work/stdout")"
epubcheck_clean "$work/one.epub" one-post
archive_checks "$work/one.epub" one-post

# --- examples/meetup ---
if [[ -f $meetup/book.yaml ]]; then
  (cd "$meetup" && "$folio" build -o "$work/meetup.epub") >"$work/stdout" 2>"$work/stderr"
  rc=$?
  [[ $rc -eq 0 ]] || fail "meetup build exited $rc: $(cat "$work/stderr")"
  grep -q "8 chapters" "$work/stdout" || fail "meetup summary: $(cat "$work/stdout")"
  epubcheck_clean "$work/meetup.epub" meetup
  archive_checks "$work/meetup.epub" meetup
else
  fail "examples/meetup/book.yaml is missing"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "epub e2e: all checks passed"
