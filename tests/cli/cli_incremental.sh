#!/usr/bin/env bash
# Incremental builds: a rebuild with nothing changed keeps the output; after editing a post
# the rebuild equals a clean build of the edited book, byte for byte, for EPUB and PDF.
source "$(dirname "$0")/common.sh"
meetup=$work/meetup
post=$meetup/content/posts/meetup-05-errors.md

for fmt in epub pdf; do
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "first $fmt build: $out"
  expect "wrote" "$out" "first $fmt build"
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "second $fmt build: $out"
  expect "kept $work/inc.$fmt (nothing changed)" "$out" "no-change $fmt rebuild"
  # A replaced output is noticed.
  echo broken >"$work/inc.$fmt"
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1)
  expect "wrote" "$out" "$fmt rebuild after the output was replaced"
done

# Edit one post (a new paragraph), rebuild, and compare with clean builds.
printf '\n新增的一段：编辑之后重建。\n' >>"$post"
for fmt in epub pdf; do
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "rebuild $fmt: $out"
  expect "wrote" "$out" "$fmt rebuild after an edit"
  "$folio" build "$meetup" --offline --no-cache -o "$work/clean.$fmt" >/dev/null 2>&1 || fail "clean $fmt build"
  cmp -s "$work/inc.$fmt" "$work/clean.$fmt" || fail "incremental $fmt differs from a clean build"
done
epub_text "$work/inc.epub" >"$work/text.xhtml"; grep -q "编辑之后重建" "$work/text.xhtml" || fail "the edit is not in the EPUB"

# A post becoming due (publishDate in the future at the first build) is not kept out by
# the cache: a later "now" rebuilds.
cat >"$meetup/content/posts/later.md" <<'MD'
---
title: 以后的文章
date: 2026-12-01
tags: [meetup]
---
稍后发布。
MD
SOURCE_DATE_EPOCH=1795651200 "$folio" build "$meetup" --offline -o "$work/due.epub" >/dev/null 2>&1
out=$(SOURCE_DATE_EPOCH=1795651200 "$folio" build "$meetup" --offline -o "$work/due.epub" 2>&1)
expect "kept" "$out" "same now keeps"
out=$(SOURCE_DATE_EPOCH=1796200000 "$folio" build "$meetup" --offline -o "$work/due.epub" 2>&1)
expect "9 chapters" "$out" "a post that became due is built"

finish
