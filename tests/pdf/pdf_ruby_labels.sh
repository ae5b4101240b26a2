#!/usr/bin/env bash
# Ruby and labels in the PDF, end to end through `folio build`:
#   ruby    readings sit above their bases at half size, centred, clear of the line above
#           (in a paragraph and in a table cell that wraps), and pdftotext reads
#           "汉(hàn)字(zì)", never "汉hàn字" nor "以及 東京(とうきょう) 和" (ruby_check.py, PyMuPDF)
#   labels  the contents heading and outline entry are "Contents" in an English book and
#           "目录" in a Chinese one (one label table with the EPUB writer)
# Usage: pdf_ruby_labels.sh CHECK FOLIO_BINARY SOURCE_DIR
set -uo pipefail
check=$1 folio=$2 src=$3
here=$(cd "$(dirname "$0")" && pwd)
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
py=/usr/bin/python3  # Debian's, where python3-fitz is
[[ -x $py ]] || py=python3

book() {  # book DIR LANGUAGE TITLE: a two-chapter book whose first chapter has ruby
  mkdir -p "$1/content/posts"
  cat >"$1/book.yaml" <<YAML
title: $3
language: $2
content: [content]
order: title
YAML
  cat >"$1/content/posts/a.md" <<'MD'
---
title: 汉字的读音
date: 2024-05-01
---

这一段先写一整行没有注音的文字，好让下一行的注音必须躲开它上面这一行的字，不能压在上面这一行的字上。读作<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>，以及<ruby>東京<rt>とうきょう</rt></ruby>和<ruby>一<rt>a very long reading</rt></ruby>。后面再接着写一些文字，让这一段落有好几行。

Plain English with <ruby>kanji<rt>かんじ</rt></ruby> inside.

| 词 | 说明 |
|----|------|
| 一 | 表格里的一格也会折行：这一格的文字写得很长很长，长到要折成好几行才放得下，<ruby>注音<rt>zhùyīn</rt></ruby>落在第二行或者更后面的一行里，它的读音不能压到上一行的字上。 |
MD
  cat >"$1/content/posts/b.md" <<'MD'
---
title: Second
date: 2024-05-02
---

Second chapter.
MD
}
build() {  # build DIR OUTPUT
  (cd "$1" && "$folio" build -o "$2") >"$work/out" 2>"$work/err" || {
    echo "FAIL: folio build $1 -o $2: $(cat "$work/err")" >&2
    exit 1
  }
}

case $check in
  ruby)
    book "$work/zh" zh-CN 汉字
    build "$work/zh" "$work/zh.pdf"
    pdftotext "$work/zh.pdf" "$work/zh.txt" || exit 1
    "$py" "$here/ruby_check.py" "$work/zh.pdf" "$work/zh.txt"
    ;;
  labels)
    book "$work/en" en "English Book"
    book "$work/zh" zh-CN 中文书
    build "$work/en" "$work/en.pdf"
    build "$work/zh" "$work/zh.pdf"
    "$py" - "$work/en.pdf" "$work/zh.pdf" <<'PY'
import sys
import fitz
failures = 0
for path, want, other in ((sys.argv[1], "Contents", "目录"), (sys.argv[2], "目录", "Contents")):
    doc = fitz.open(path)
    titles = [t[1] for t in doc.get_toc()]
    if not titles or titles[0] != want:
        print(f"FAIL: {path}: the outline starts {titles[:1]}, not {want!r}", file=sys.stderr)
        failures += 1
    # The contents page: the page the outline's first entry points to.
    page = doc[doc.get_toc()[0][2] - 1] if titles else doc[0]
    text = page.get_text()
    if want not in text or other in text:
        print(f"FAIL: {path}: the contents page does not read {want!r}: {text[:80]!r}", file=sys.stderr)
        failures += 1
sys.exit(1 if failures else 0)
PY
    ;;
  *) echo "unknown check $check" >&2; exit 2 ;;
esac
