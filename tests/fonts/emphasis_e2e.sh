#!/usr/bin/env bash
# End to end: book.yaml `fonts.emphasis` (kai, dots, slant), quotes between Latin letters, bold
# as a real face, and fonts-arphic not changing the body's faces. The emoji test book
# (tests/fonts/data/emoji-book) has *强调 emphasis*, **粗体…** and "API’s".
#   dots:  EPUB CSS text-emphasis on <span class="han-em"> inside <em>; PDF a drawn dot under
#          each emphasised Han character and no other, text layer as with slant.
#   kai:   EPUB embeds a Kai subset ("folio-emphasis") when fonts-arphic is installed, dots
#          when it is hidden (tests/fonts/no-kai-fonts.conf).
#   slant: no Han emphasis span, no dots.
# Every EPUB passes epubcheck with no message and the font coverage check.
# Usage: emphasis_e2e.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
no_kai_conf=$src/tests/fonts/no-kai-fonts.conf
py=/usr/bin/python3  # Debian's, with python3-fitz
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache

book_with() {  # book_with EMPHASIS: a copy of the test book with fonts.emphasis set
  local dir=$work/book-$1
  [[ -d $dir ]] || { cp -r "$src/tests/fonts/data/emoji-book" "$dir" && printf 'fonts:\n  emphasis: %s\n' "$1" >>"$dir/book.yaml"; }
  echo "$dir"
}
build() {  # build EMPHASIS OUT [FONTCONFIG_FILE]
  local dir; dir=$(book_with "$1")
  if [[ -n "${3:-}" ]]; then FONTCONFIG_FILE=$3 "$folio" build "$dir" -o "$2" >"$2.log" 2>&1
  else "$folio" build "$dir" -o "$2" >"$2.log" 2>&1; fi || { fail "build $2"; cat "$2.log" >&2; }
}
epub_checks() {  # epub_checks EPUB: epubcheck with no message, font coverage
  local report
  report=$(java -jar /usr/share/java/epubcheck.jar "$1" 2>&1)
  if [[ $? -ne 0 ]] || ! grep -qF "No errors or warnings detected" <<<"$report"; then fail "epubcheck $1:"; echo "$report" >&2; fi
  "$py" "$src/tests/fonts/epub_font_coverage.py" "$1" >/dev/null || fail "EPUB font coverage of $1"
}
# Into files, then grep: `unzip | grep -q` would fail under pipefail when grep stops early.
css_of() { unzip -p "$1" 'EPUB/*.css' >"$work/grep.txt"; echo "$work/grep.txt"; }
xhtml_of() { unzip -p "$1" 'EPUB/*.xhtml' >"$work/grep.txt"; echo "$work/grep.txt"; }
list_of() { unzip -l "$1" >"$work/grep.txt"; echo "$work/grep.txt"; }

# --- EPUB ---
build dots "$work/dots.epub"
build kai "$work/kai.epub"
build kai "$work/kai-no-arphic.epub" "$no_kai_conf"
build slant "$work/slant.epub"
for e in dots kai kai-no-arphic slant; do epub_checks "$work/$e.epub"; done

grep -q '<em><span class="han-em">强调</span> emphasis</em>' "$(xhtml_of "$work/dots.epub")" ||
  fail "dots EPUB: Han emphasis not in a han-em span (Latin outside it)"
tr -d '\n' <"$(css_of "$work/dots.epub")" | grep -qE '\.han-em \{ *font-style: normal;[^}]*text-emphasis-style: filled dot;[^}]*text-emphasis-position: under right;' ||
  fail "dots EPUB: no text-emphasis rule for .han-em"
grep -q 'folio-emphasis' "$(css_of "$work/dots.epub")" && fail "dots EPUB embeds a Kai face"

if fc-list : family | grep -c "AR PL UKai CN\|AR PL KaitiM GB" >/dev/null; then
  tr -d '\n' <"$(css_of "$work/kai.epub")" | grep -qE '\.han-em \{ *font-style: normal; *font-family: "folio-emphasis", "folio-body"' ||
    fail "kai EPUB: .han-em not set in the embedded Kai face"
  grep -q 'fonts/emphasis\.ttf' "$(list_of "$work/kai.epub")" || fail "kai EPUB: no fonts/emphasis.ttf"
  grep -q 'text-emphasis' "$(css_of "$work/kai.epub")" && fail "kai EPUB with a Kai face has dots"
else
  fail "no Kai face installed (scripts/deps installs fonts-arphic-ukai and fonts-arphic-gkai00mp)"
fi
grep -q 'text-emphasis-style: filled dot' "$(css_of "$work/kai-no-arphic.epub")" || fail "kai without a Kai face: no dots in the EPUB"
grep -q 'folio-emphasis' "$(css_of "$work/kai-no-arphic.epub")" && fail "kai without a Kai face still embeds one"
grep -q 'han-em' "$(xhtml_of "$work/slant.epub")" && fail "slant EPUB has Han emphasis spans"

# Quotes between Latin letters: a span whose first family is an embedded Latin font with ’.
grep -q 'API<span class="latin-quote">’</span>s' "$(xhtml_of "$work/dots.epub")" || fail "EPUB: API’s quote not marked Latin"
grep -q '“<span class="latin-quote">' "$(xhtml_of "$work/dots.epub")" && fail "EPUB: a quote next to Han marked Latin"
"$py" - "$work/dots.epub" <<'PY' || fail "EPUB Latin quote and bold fonts"
import re, sys, zipfile, fitz
z = zipfile.ZipFile(sys.argv[1])
css = z.read("EPUB/style.css").decode()
faces = {m.group(1): (m.group(2), int(m.group(3))) for m in re.finditer(
    r'@font-face \{\s*font-family: "([^"]+)";\s*src: url\("([^"]+)"\)[^;]*;\s*font-weight: (\d+);', css)}
ok = True
m = re.search(r'\n\.latin-quote \{ font-family: "([^"]+)"', css)
if not m or m.group(1) not in faces:
    print("the .latin-quote rule does not name an embedded font first", file=sys.stderr); ok = False
else:
    font = fitz.Font(fontbuffer=z.read("EPUB/" + faces[m.group(1)][0]))
    if not font.has_glyph(0x2019) or font.has_glyph(ord("中")):
        print(f"{m.group(1)} is not a Latin font with ’", file=sys.stderr); ok = False
# <strong> is set in an embedded bold face (the heading's), never a synthetic bold.
m = re.search(r'strong, b \{\s*font-family: "([^"]+)"', css)
if not m or faces.get(m.group(1), ("", 0))[1] < 700:
    print("strong is not set in an embedded bold face", file=sys.stderr); ok = False
sys.exit(0 if ok else 1)
PY

# --- PDF ---
build dots "$work/dots.pdf"
build slant "$work/slant.pdf"
build kai "$work/kai.pdf"
build kai "$work/kai-no-arphic.pdf" "$no_kai_conf"
for p in dots slant kai kai-no-arphic; do
  report=$(qpdf --check "$work/$p.pdf" 2>&1)
  if [[ $? -ne 0 ]] || grep -q WARNING <<<"$report"; then fail "qpdf --check $p.pdf"; echo "$report" >&2; fi
  pdftotext "$work/$p.pdf" - | tr -d ' \n\f' >"$work/$p.txt"
done
cmp -s "$work/dots.txt" "$work/slant.txt" || fail "pdftotext of the dots PDF differs from the slant PDF"
cmp -s "$work/kai.txt" "$work/slant.txt" || fail "pdftotext of the kai PDF differs from the slant PDF"

"$py" - "$work" <<'PY' || fail "PDF dots, bold and body faces"
import sys, fitz
work = sys.argv[1]
emphasised = set("强调")

def chars(doc):
    for page in doc:
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for ch in span["chars"]:
                        yield page, span, ch

def flat(path):
    """Every drawn character with its font, in reading order, without spaces."""
    return [(ch["c"], span["font"].split("+")[-1]) for _, span, ch in chars(fitz.open(path)) if ch["c"].strip()]

def emphasis_at(flat_chars):
    """Where *强调 emphasis* starts (强 is nowhere else; 调 is in a heading too)."""
    return next(i for i in range(len(flat_chars) - 1) if flat_chars[i][0] == "强" and flat_chars[i + 1][0] == "调")

def dots(path):
    """Emphasis dots: small filled circles, each centred under a character: {char: count}."""
    doc = fitz.open(path)
    found, stray = {}, 0
    for page in doc:
        marks = [d["rect"] for d in page.get_drawings()
                 if d.get("fill") is not None and d["rect"].width < 3 and d["rect"].height < 3]
        placed = page.get_text("rawdict")["blocks"]
        for r in marks:
            cx = (r.x0 + r.x1) / 2
            under = None
            for block in placed:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for ch in span["chars"]:
                            b = fitz.Rect(ch["bbox"])
                            if b.x0 < cx < b.x1 and ch["origin"][1] < r.y0 < ch["origin"][1] + span["size"] * 0.6:
                                under = ch["c"]
            if under is None: stray += 1
            else: found[under] = found.get(under, 0) + 1
    return found, stray

ok = True
found, stray = dots(f"{work}/dots.pdf")
if found != {c: 1 for c in emphasised} or stray:
    print(f"dots PDF: dots under {found}, {stray} elsewhere; want one under each of 强调", file=sys.stderr); ok = False
for other in ("slant", "kai"):
    found, stray = dots(f"{work}/{other}.pdf")
    if found or stray:
        print(f"{other} PDF has emphasis dots: {found}, {stray}", file=sys.stderr); ok = False
found, _ = dots(f"{work}/kai-no-arphic.pdf")
if found != {c: 1 for c in emphasised}:
    print(f"kai without a Kai face: dots {found}, want one under each of 强调", file=sys.stderr); ok = False

# Bold is a real bold face (the heading's sans bold), not a synthetic one.
bold_fonts = {span["font"] for _, span, ch in chars(fitz.open(f"{work}/slant.pdf")) if ch["c"] in "粗鑫"}
if not bold_fonts or not all("Bold" in f for f in bold_fonts):
    print(f"bold text drawn with {bold_fonts}", file=sys.stderr); ok = False

# fonts-arphic installed or hidden: every character outside Han emphasis keeps its face.
with_arphic, without = flat(f"{work}/kai.pdf"), flat(f"{work}/kai-no-arphic.pdf")
i, j = emphasis_at(with_arphic), emphasis_at(without)
kai_faces = {font for _, font in with_arphic[i:i + 2]}
if not all("Kai" in f for f in kai_faces):
    print(f"kai PDF: emphasis drawn with {kai_faces}", file=sys.stderr); ok = False
del with_arphic[i:i + 2]
del without[j:j + 2]
if with_arphic != without:
    diff = [(a, b) for a, b in zip(with_arphic, without) if a != b][:5]
    print(f"fonts-arphic changes the faces of body text: {diff}", file=sys.stderr); ok = False
sys.exit(0 if ok else 1)
PY

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "emphasis_e2e: all checks passed"
