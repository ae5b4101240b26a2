#!/usr/bin/env bash
# Checks the benchmark corpus generator: a small corpus has the posts, front matter, images
# (real JPEG and PNG files of the planned kinds and sizes) and pandoc book it promises, and the
# same arguments give the same bytes.
#
#   bench_corpus.sh SOURCE_DIR GEN_IMAGES WORK_DIR
set -euo pipefail

source=$(realpath "$1")
gen=$(realpath "$2")
work=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

rm -rf "$work"
mkdir -p "$work"
"$source/bench/generate" "$work/a" --posts 4 --images 3 --gen-images "$gen" --seed 7
"$source/bench/generate" "$work/b" --posts 4 --images 3 --gen-images "$gen" --seed 7

# Four posts: two plain files and two leaf bundles (even-numbered posts hold their images).
posts=$(find "$work/a/content/posts" -name '*.md' | wc -l)
[[ $posts -eq 4 ]] || fail "expected 4 posts, found $posts"
[[ -f "$work/a/content/posts/post-0002/index.md" ]] || fail "post 2 is not a leaf bundle"
[[ -f "$work/a/book.yaml" && -f "$work/a/hugo.toml" ]] || fail "book.yaml or hugo.toml missing"
grep -q '^  tags: \[bench\]$' "$work/a/book.yaml" || fail "book.yaml does not select tags: [bench]"
for f in "$work"/a/content/posts/*.md "$work"/a/content/posts/*/index.md; do
  head -1 "$f" | grep -Eq '^(---|\+\+\+)$' || fail "$f: no YAML or TOML front matter"
  grep -q '^## ' "$f" || fail "$f: no second-level heading"
done

# Every image is a real file of its kind, referenced by a post, and sized like a photo or
# a screenshot; JPEG photos are megabytes.
mapfile -t images < <(find "$work/a" -name 'img-*' | sort)
[[ ${#images[@]} -eq 3 ]] || fail "expected 3 images, found ${#images[@]}"
for img in "${images[@]}"; do
  name=$(basename "$img")
  magic=$(head -c 4 "$img" | od -An -tx1 | tr -d ' \n')
  size=$(stat -c %s "$img")
  case $name in
    *.jpg) [[ $magic == ffd8ff* ]] || fail "$name is not a JPEG (starts with $magic)"
           ((size > 1000000 && size < 4000000)) || fail "$name: $size bytes, not a 1-3 MB photo" ;;
    *.png) [[ $magic == 89504e47 ]] || fail "$name is not a PNG (starts with $magic)"
           ((size > 50000)) || fail "$name: $size bytes, too small for a screenshot" ;;
  esac
  grep -rqF "$name" "$work/a/content" || fail "$name is not used by any post"
  grep -qF "$name" "$work/a/pandoc/book.md" || fail "$name is not in pandoc/book.md"
done

# pandoc's book: one level-1 heading per post, footnote labels unique across posts.
h1=$(grep -c '^# ' "$work/a/pandoc/book.md")
[[ $h1 -eq 4 ]] || fail "pandoc/book.md has $h1 level-1 headings, expected 4"
dups=$(grep -oE '^\[\^[^]]+\]:' "$work/a/pandoc/book.md" | sort | uniq -d)
[[ -z "$dups" ]] || fail "duplicate footnote labels in pandoc/book.md: $dups"

# Reproducible: the same seed gives the same files.
if ! diff -r "$work/a" "$work/b" >/dev/null; then
  fail "two runs with the same seed differ"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "bench corpus checks passed"
