#!/usr/bin/env bash
# End to end: a book full of digits, emoji, keycaps, ZWJ sequences, flags and "API’s" to PDF
# and EPUB, with whatever fonts FONTCONFIG_FILE shows (ctest runs it with the system's fonts
# and with tests/fonts/no-emoji-fonts.conf).
#   PDF: qpdf clean; every font embedded and subset, no Type 3 font (colour emoji are images);
#        pdftotext gives back every digit and emoji of the post in order; no ASCII character
#        drawn from an emoji font (PyMuPDF); two builds byte-identical.
#   EPUB: epubcheck clean; byte-identical with and without the emoji font; no emoji in any
#        embedded font; every character of each XHTML file is in a font its CSS names.
# Usage: emoji_e2e.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
book=$src/tests/fonts/data/emoji-book
post=$book/content/posts/emoji.md
no_emoji_conf=$src/tests/fonts/no-emoji-fonts.conf
py=/usr/bin/python3  # Debian's, with python3-fitz
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fonts: ${FONTCONFIG_FILE:-system fontconfig}"

# --- PDF ---
"$folio" build "$book" -o "$work/a.pdf" >"$work/stdout" 2>"$work/stderr" || { fail "PDF build"; cat "$work/stderr" >&2; }
"$folio" build "$book" -o "$work/b.pdf" >/dev/null 2>&1 || fail "second PDF build"
cmp -s "$work/a.pdf" "$work/b.pdf" || fail "two PDF builds with the same SOURCE_DATE_EPOCH differ"
qpdf_report=$(qpdf --check "$work/a.pdf" 2>&1)
if [[ $? -ne 0 ]] || grep -q "WARNING" <<<"$qpdf_report"; then fail "qpdf --check:"; echo "$qpdf_report" >&2; fi
pdffonts "$work/a.pdf" >"$work/fonts.txt" || fail "pdffonts"
if grep -q "Type 3" "$work/fonts.txt"; then fail "a Type 3 font in the PDF:"; cat "$work/fonts.txt" >&2; fi
# Columns: name type [type2] encoding emb sub uni id gen; emb and sub are the 5th and 4th from the end.
awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { print; bad = 1 } END { exit bad }' "$work/fonts.txt" ||
  fail "a font not embedded and subset"
pdftotext "$work/a.pdf" "$work/a.txt" || fail "pdftotext"

"$py" - "$work/a.pdf" "$work/a.txt" "$post" <<'PY' || fail "PDF text and glyph checks"
import os, sys, fitz
pdf, txt, post = sys.argv[1:4]

def is_emoji(c):
    o = ord(c)
    return o >= 0x1F000 or c == "\u2764"

def wanted(s):
    return [c for c in s if c.isascii() and c.isdigit() or is_emoji(c)]

body = open(post, encoding="utf-8").read().split("---", 2)[2]
expected = wanted(body)
got = wanted(open(txt, encoding="utf-8").read())
# Every digit and emoji of the post, in order (the PDF adds page numbers and the contents).
i = 0
for c in got:
    if i < len(expected) and c == expected[i]:
        i += 1
ok = True
if i < len(expected):
    print(f"pdftotext lost the post's digits/emoji from #{i}: expected {''.join(expected[i:i+20])!r}", file=sys.stderr)
    ok = False

# fonts-arphic (scripts/deps installs it, as TeX Live's Chinese support does) must not change
# the faces of body text: a Kai face draws only the Han text in emphasis (*强调*).
emphasised_han = set("强调")
doc = fitz.open(pdf)
for page in doc:
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if any(k in span["font"] for k in ("UKai", "Kaiti", "UMing", "AR PL")):
                    extra = {ch["c"] for ch in span["chars"]} - emphasised_han - {" "}
                    if extra:
                        print(f"page {page.number + 1}: {''.join(sorted(extra))!r} drawn with {span['font']}", file=sys.stderr)
                        ok = False
for page in doc:
    kinds = {f[3].split("+")[-1]: f[2] for f in page.get_fonts()}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                font = span["font"].split("+")[-1]
                for ch in span["chars"]:
                    c = ch["c"]
                    if c.isascii() and c.strip():
                        if "emoji" in font.lower() or kinds.get(font, "") == "Type3":
                            print(f"page {page.number + 1}: {c!r} drawn with {font} ({kinds.get(font)})", file=sys.stderr)
                            ok = False
# A machine whose only emoji font is monochrome (tests/fonts/mono-emoji-fonts.conf): emoji
# are real text from it, neither images nor fallback chips.
if os.environ.get("FOLIO_EXPECT_MONO_EMOJI"):
    drawn = 0
    for page in doc:
        if page.get_images():
            print(f"page {page.number + 1}: images drawn, want emoji as text", file=sys.stderr)
            ok = False
        if any(d.get("fill") is not None and d["rect"].width < 20 for d in page.get_drawings()):
            print(f"page {page.number + 1}: fallback chips drawn, want emoji as text", file=sys.stderr)
            ok = False
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for ch in span["chars"]:
                        if ord(ch["c"]) >= 0x1F300:
                            drawn += 1
                            # In bold headings cairo embeds a synthetic-bold copy of Symbola
                            # (it has no bold face) under the name CairoFont-N-M.
                            if "Symbola" not in span["font"] and "CairoFont" not in span["font"]:
                                print(f"{ch['c']!r} drawn with {span['font']}, want Symbola", file=sys.stderr)
                                ok = False
    if drawn < 10:
        print(f"only {drawn} emoji in the text layer", file=sys.stderr)
        ok = False
sys.exit(0 if ok else 1)
PY

# --- EPUB ---
epub_with() {  # epub_with OUT [FONTCONFIG_FILE]: builds the EPUB with the given fontconfig
  if [[ -n "${2:-}" ]]; then FONTCONFIG_FILE=$2 "$folio" build "$book" -o "$1" >/dev/null 2>&1
  else env -u FONTCONFIG_FILE "$folio" build "$book" -o "$1" >/dev/null 2>&1; fi
}
epub_with "$work/system.epub" || fail "EPUB build with the system's fonts"
epub_with "$work/no-emoji.epub" "$no_emoji_conf" || fail "EPUB build without emoji fonts"
cmp -s "$work/system.epub" "$work/no-emoji.epub" || fail "the EPUB depends on whether an emoji font is installed"
report=$(java -jar /usr/share/java/epubcheck.jar "$work/system.epub" 2>&1)
if [[ $? -ne 0 ]] || ! grep -qF "No errors or warnings detected" <<<"$report"; then fail "epubcheck:"; echo "$report" >&2; fi

"$py" "$src/tests/fonts/epub_font_coverage.py" "$work/system.epub" || fail "EPUB font coverage"

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "emoji_e2e: all checks passed"
