#!/usr/bin/env bash
# End to end: a font given by file in book.yaml (`fonts: {body: PATH#FACE}`) on a machine whose
# fontconfig does not list it (only DejaVu installed). The build adds the file to a fontconfig
# configuration of its own; Pango's font maps must read that one, so the PDF embeds the file's
# face and shows the Han text, and the EPUB embeds it too (epubcheck clean).
# Usage: font_file_e2e.sh FOLIO_BINARY SOURCE_DIR
set -uo pipefail

folio=$1
src=$2
cjk=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache

[[ -f $cjk ]] || { echo "FAIL: $cjk is missing (scripts/deps installs fonts-noto-cjk)" >&2; exit 1; }
cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>$work/fc-cache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE=$work/fonts.conf
fc-list | grep -qi "cjk" && fail "the test's fontconfig still lists a CJK font"

mkdir -p "$work/book/content/posts"
cat >"$work/book/book.yaml" <<YAML
title: 字体文件
language: zh-CN
fonts:
  body: $cjk#2
YAML
cat >"$work/book/content/posts/a.md" <<'MD'
---
title: 第一章
date: 2024-01-01
---
调度器把 goroutine 放在线程上运行。
MD

"$folio" build "$work/book" -o "$work/book.pdf" >"$work/pdf.log" 2>&1 || { fail "PDF build"; cat "$work/pdf.log" >&2; }
grep -q "no CJK font is installed" "$work/pdf.log" && fail "the font file was not used: $(cat "$work/pdf.log")"
if [[ -f $work/book.pdf ]]; then
  qpdf --check "$work/book.pdf" >/dev/null 2>&1 || fail "qpdf --check"
  pdffonts "$work/book.pdf" | grep -q "NotoSerifCJK" || { fail "the PDF does not embed the file's face"; pdffonts "$work/book.pdf" >&2; }
  pdftotext "$work/book.pdf" - | grep -q "调度器把" || fail "the Han text is not in the PDF's text"
fi

"$folio" build "$work/book" -o "$work/book.epub" >"$work/epub.log" 2>&1 || { fail "EPUB build"; cat "$work/epub.log" >&2; }
if [[ -f $work/book.epub ]]; then
  report=$(java -jar /usr/share/java/epubcheck.jar "$work/book.epub" 2>&1)
  grep -qF "No errors or warnings detected" <<<"$report" || { fail "epubcheck"; echo "$report" >&2; }
fi

if ((failures)); then echo "$failures failure(s)" >&2; exit 1; fi
echo "font file: PDF and EPUB use the face of the file"
