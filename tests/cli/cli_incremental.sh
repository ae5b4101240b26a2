#!/usr/bin/env bash
# Incremental builds: a rebuild with nothing changed keeps the output; after editing a post
# (its text or its title) the rebuild equals a clean build of the edited book, byte for
# byte, for EPUB and PDF, also when cache entries were damaged.
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

# A clean build: a cache folder of its own, so nothing an earlier build made is reused.
clean_build() {  # clean_build FORMAT OUT
  rm -rf "$work/clean-cache"
  XDG_CACHE_HOME=$work/clean-cache "$folio" build "$meetup" --offline --no-cache -o "$2" >/dev/null 2>&1 ||
    fail "clean $1 build"
  # --no-cache neither reuses nor keeps work.
  [[ ! -e $work/clean-cache/folio/artifacts ]] || fail "--no-cache kept work in the cache folder"
}
artifacts=$XDG_CACHE_HOME/folio/artifacts
count_entries() { find "$artifacts/$1" -type f 2>/dev/null | wc -l; }

# Edit one post (a new paragraph), rebuild, and compare with clean builds.
deflated_before=$(count_entries deflate)
read_before=$(count_entries document)
((read_before >= 8)) || fail "the builds kept no read posts ($read_before)"
((deflated_before > 10)) || fail "the EPUB builds kept no deflated entries ($deflated_before)"
(($(count_entries font-subset) > 0)) || fail "the EPUB builds kept no font subsets"
(($(count_entries cover) == 1)) || fail "the EPUB builds kept no drawn cover"
printf '\n新增的一段：编辑之后重建。\n' >>"$post"
for fmt in epub pdf; do
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "rebuild $fmt: $out"
  expect "wrote" "$out" "$fmt rebuild after an edit"
  clean_build $fmt "$work/clean.$fmt"
  cmp -s "$work/inc.$fmt" "$work/clean.$fmt" || fail "incremental $fmt differs from a clean build"
done
epub_text "$work/inc.epub" >"$work/text.xhtml"; grep -q "编辑之后重建" "$work/text.xhtml" || fail "the edit is not in the EPUB"
# Only what the edit changed was deflated again: the edited chapter and the package files
# that name its size or text (a handful), not the book's other entries.
deflated_after=$(count_entries deflate)
((deflated_after - deflated_before <= 4)) ||
  fail "an edit of one post deflated $((deflated_after - deflated_before)) entries again"
# And only the edited post was read again.
read_after=$(count_entries document)
((read_after - read_before == 1)) || fail "an edit of one post read $((read_after - read_before)) posts again"

# A new title changes the contents, the navigation and the chapter's heading.
sed -i 's/^Title: .*/Title: 错误处理（修订版）/' "$post"
for fmt in epub pdf; do
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "rebuild $fmt after a title edit: $out"
  clean_build $fmt "$work/clean.$fmt"
  cmp -s "$work/inc.$fmt" "$work/clean.$fmt" || fail "incremental $fmt differs from a clean build after a title edit"
done
epub_text "$work/inc.epub" >"$work/text.xhtml"; grep -q "错误处理（修订版）" "$work/text.xhtml" || fail "the new title is not in the EPUB"

# Damaged cache entries (one truncated, one with a flipped byte, one emptied) are misses:
# the rebuild makes them again and still equals a clean build.
damage() {  # damage KIND: truncates the first entry of KIND, flips a byte in the second, empties the third
  local files
  mapfile -t files < <(find "$artifacts/$1" -type f | sort)
  ((${#files[@]} > 0)) || { fail "no $1 entries to damage"; return; }
  truncate -s $(($(stat -c %s "${files[0]}") / 2)) "${files[0]}"
  if ((${#files[@]} > 1)); then
    local size; size=$(stat -c %s "${files[1]}")
    printf 'X' | dd of="${files[1]}" bs=1 seek=$((size - 1)) conv=notrunc status=none
  fi
  ((${#files[@]} > 2)) && : >"${files[2]}"
}
for kind in document deflate font-subset cover; do damage $kind; done
printf '\n再改一次。\n' >>"$post"
for fmt in epub pdf; do
  out=$("$folio" build "$meetup" --offline -o "$work/inc.$fmt" 2>&1) || fail "$fmt rebuild over damaged cache entries: $out"
  expect "wrote" "$out" "$fmt rebuild over damaged cache entries"
  clean_build $fmt "$work/clean.$fmt"
  cmp -s "$work/inc.$fmt" "$work/clean.$fmt" || fail "a $fmt rebuild over damaged cache entries differs from a clean build"
done

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
