#!/usr/bin/env bash
# Hostile input at scale: generated posts whose size once made a build take minutes (work
# that grew with the square of the input). Each builds to EPUB and to PDF under the 30 s
# timeout of build_case (hostile_lib.sh), with the located diagnostic expected where the
# input is refused or cut, epubcheck and qpdf on the outputs, and a look inside them that
# nothing was lost.
# Usage: hostile_scale.sh FOLIO_BINARY
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/hostile_lib.sh" "$1"

# generate KIND SIZE FILE: writes one generated post.
generate() {
  /usr/bin/python3 - "$@" <<'PY'
import random, sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "footnotes":
    body = " ".join(f"w{i}[^{i}]" for i in range(n)) + "\n\n" + "".join(f"[^{i}]: note {i}\n" for i in range(n))
elif kind == "reflinks":
    body = " ".join(f"[a{i}][r{i}]" for i in range(n)) + "\n\n" + \
           "".join(f"[r{i}]: http://example.com/{i}\n" for i in range(n))
elif kind == "links":
    body = " ".join(f"[a{i}](http://example.com/{i})" for i in range(n)) + "\n"
elif kind == "combining":
    body = "before a" + "\u0301" * n + " after\n"
elif kind == "paragraph":  # n bytes of Latin and Han words in one paragraph
    random.seed(14)
    words = "the scheduler runs goroutines on threads 调度器 把 goroutine 放在 线程 上 运行 while channels carry values".split()
    para, size = [], 0
    while size < n:
        w = random.choice(words)
        para.append(w)
        size += len(w.encode()) + 1
    body = " ".join(para) + " the last words.\n"
with open(path, "w", encoding="utf-8") as out:
    out.write(f"---\ntitle: {kind}\ndate: 2024-01-01\ntags: [t]\n---\n\n" + body)
PY
}

# pdf_has CASE TEXT: the PDF of CASE holds TEXT (pdftotext).
pdf_has() {
  [[ -f $work/out-$1.pdf ]] || return 0  # build_case has failed it already
  # Through a file: grep -q ending the pipe early would fail it under pipefail.
  pdftotext "$work/out-$1.pdf" "$work/text" 2>/dev/null
  grep -qF -- "$2" "$work/text" || fail "$1 (pdf): \"$2\" is not in the PDF"
}
# epub_has CASE TEXT: some XHTML file of the EPUB of CASE holds TEXT.
epub_has() {
  [[ -f $work/out-$1.epub ]] || return 0
  unzip -p "$work/out-$1.epub" '*.xhtml' >"$work/text" 2>/dev/null
  grep -qF -- "$2" "$work/text" || fail "$1 (epub): \"$2\" is not in the EPUB"
}

# Each generator is first checked small with epubcheck (which takes many minutes on the
# big books), then built big against the timeout with the EPUB checked as well-formed XML.
for small in footnotes:2000 reflinks:2000 links:2000; do
  kind=${small%%:*}
  d=$(site "$kind-small")
  generate "$kind" "${small#*:}" "$d/content/posts/$kind.md"
  build_case "$kind-small" "$d" "" epub
done
epub_check=xml

# 100,000 footnotes in one paragraph: each line of the PDF once looked at every reference.
d=$(site footnotes)
generate footnotes 100000 "$d/content/posts/notes.md"
build_case footnotes-100k "$d" ""
pdf_has footnotes-100k "note 99999"
epub_has footnotes-100k "note 99999"

# 50,000 reference links, each with its definition.
d=$(site reflinks)
generate reflinks 50000 "$d/content/posts/refs.md"
build_case reflinks-50k "$d" ""
epub_has reflinks-50k 'href="http://example.com/49999"'
pdf_has reflinks-50k "a49999"

# 100,000 inline links in one paragraph: the x of each link's ends was found by counting
# the characters from the start of the layout's text.
d=$(site links)
generate links 100000 "$d/content/posts/links.md"
build_case links-100k "$d" ""
epub_has links-100k 'href="http://example.com/99999"'
pdf_has links-100k "a99999"
epub_check=epubcheck

# One character with 200,000 combining marks (168 s to shape): cut to 30, one warning.
d=$(site combining)
generate combining 200000 "$d/content/posts/marks.md"
build_case combining-200k "$d" "marks\.md:7:69: warning: 199970 combining marks dropped: more than 30 on one character \(in 1 place\)"
pdf_has combining-200k "after"
epub_has combining-200k "after"

# A 20 MB paragraph: over the default budget of content.max_post_bytes (8 MiB), the post
# is left out with a warning naming it, and the book is built from the others.
d=$(site big)
generate paragraph 20000000 "$d/content/posts/big.md"
build_case paragraph-20mb "$d" "big\.md: warning: the post is 19\.1 MiB, over the budget of 8\.0 MiB \(content\.max_post_bytes in book\.yaml\); left out"
pdf_has paragraph-20mb "An ordinary post."
# With the budget raised the post is read, and the EPUB holds all of it. (The PDF of it is
# some 8,000 pages: about 3 s of CPU per MB, linear but far past the timeout; see README.)
printf 'content:\n  max_post_bytes: 32M\n' >"$work/raised.yaml"
epub_check=xml
build_case paragraph-20mb-raised "$d" "" epub -c "$work/raised.yaml"
epub_has paragraph-20mb-raised "the last words."
grep -q "over the budget" "$work/log-paragraph-20mb-raised-epub" && fail "paragraph-20mb-raised: still refused"

finish "hostile scale"
