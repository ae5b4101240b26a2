#!/usr/bin/env bash
# End to end: `folio list` on examples/meetup (text and --json), and its exit codes on bad input.
# Usage: list_meetup.sh FOLIO_BINARY EXAMPLES_MEETUP_DIR
set -uo pipefail

folio=$1
meetup=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect NEEDLE TEXT WHAT
  grep -qF -- "$1" <<<"$2" || fail "$3: expected to find: $1"
}
expect_not() {
  grep -qF -- "$1" <<<"$2" && fail "$3: did not expect: $1"
}

# A fixed "now" (2026-11-26) so the future and draft posts are judged the same way every run.
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- text output: the eight meetup recaps, oldest first, then tag counts ---
out=$("$folio" list "$meetup" 2>"$work/stderr")
rc=$?
[[ $rc -eq 0 ]] || fail "folio list exited $rc: $(cat "$work/stderr")"
[[ -s $work/stderr ]] && fail "folio list printed diagnostics: $(cat "$work/stderr")"
posts=$(grep -E '^20[0-9]{2}-[0-9]{2}-[0-9]{2} ' <<<"$out")
[[ $(wc -l <<<"$posts") -eq 8 ]] || fail "expected 8 post lines, got: $posts"
for n in 1 2 3 4 5 6 7 8; do
  line=$(sed -n "${n}p" <<<"$posts")
  expect "Go 夜读第 $n 期" "$line" "post line $n"
done
expect "2026-01-17" "$(head -1 <<<"$posts")" "first post date"
expect "2026-11-21" "$(tail -1 <<<"$posts")" "last post date"
expect "8 posts" "$out" "summary line"
grep -qE '^8 posts, [0-9]+ characters, [1-9][0-9]* figures$' <<<"$out" || fail "summary with figure count: $out"
for left_out in "草稿" "2099 特别场" "读书笔记" "杭州走走" "关于 Go 夜读"; do
  expect_not "$left_out" "$out" "left-out post"
done
# Tag counts: `Cloud Native` and `cloud-native` are one tag.
grep -qE '^ +8  meetup$' <<<"$out" || fail "meetup should count 8: $out"
grep -qE '^ +2  cloud-native$' <<<"$out" || fail "cloud-native should count 2: $out"
# Every listed post has a character count above zero.
awk '/^20[0-9][0-9]-/ { if ($2 + 0 <= 0) exit 1 }' <<<"$posts" || fail "a post has no characters"

# --- JSON output ---
"$folio" list "$meetup" --json >"$work/list.json" 2>"$work/stderr" || fail "folio list --json failed"
python3 - "$work/list.json" <<'EOF' || fail "JSON output checks"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
posts = data["posts"]
assert len(posts) == 8, len(posts)
dates = [p["date"] for p in posts]
assert dates == sorted(dates), dates
for key in ("path", "title", "date", "tags", "categories", "chars", "figures", "draft", "weight", "section"):
    assert all(key in p for p in posts), key
assert all(p["section"] == "posts" and not p["draft"] and p["chars"] > 0 for p in posts)
assert posts[0]["title"].startswith("Go 夜读第 1 期"), posts[0]["title"]
assert any(p["path"].endswith("meetup-03-pprof/index.md") for p in posts)
assert data["tags"]["meetup"] == 8, data["tags"]
# Figures as the Markdown reader finds them: the pprof bundle holds three images, the wasm bundle two.
figures = {p["path"].split("/posts/")[-1]: p["figures"] for p in posts}
assert figures["meetup-03-pprof/index.md"] >= 3, figures
assert figures["meetup-07-wasm/index.md"] >= 2, figures
assert data["tags"]["cloud-native"] == 2, data["tags"]
EOF

# --- flags: --tag overrides book.yaml, --drafts and --future bring posts in ---
out=$("$folio" list "$meetup" --tag "cloud native" 2>/dev/null)
[[ $(grep -cE '^20' <<<"$out") -eq 3 ]] || fail "--tag 'cloud native' should list 3 posts: $out"
expect "杭州走走" "$out" "--tag cloud native"
out=$("$folio" list "$meetup" --drafts --future 2>/dev/null)
expect "草稿" "$out" "--drafts"
expect "2099 特别场" "$out" "--future"

# --- bad input: exit codes and one-line located errors ---
"$folio" list "$work/no-such-folder" >/dev/null 2>"$work/stderr"
[[ $? -eq 2 ]] || fail "missing content folder should exit 2"
expect "content folder not found" "$(cat "$work/stderr")" "missing folder"

"$folio" list "$meetup" --tag nothing-has-this >/dev/null 2>"$work/stderr"
[[ $? -eq 2 ]] || fail "empty selection should exit 2"
expect "no posts selected (tags any of [nothing-has-this]" "$(cat "$work/stderr")" "empty selection"

mkdir -p "$work/broken"
printf 'title: x\nselect:\n  tags: [meetup\n' >"$work/broken/book.yaml"
"$folio" list "$meetup" --config "$work/broken/book.yaml" >/dev/null 2>"$work/stderr"
[[ $? -eq 2 ]] || fail "broken book.yaml should exit 2"
grep -qE 'book.yaml:[0-9]+:[0-9]+: error: ' "$work/stderr" || fail "broken book.yaml error not located: $(cat "$work/stderr")"

mkdir -p "$work/blog"
printf -- '---\ntitle: good\ndate: 2024-01-01\n---\nok\n' >"$work/blog/good.md"
printf -- '---\ntitle: [bad\n---\n' >"$work/blog/bad.md"
out=$("$folio" list "$work/blog" 2>"$work/stderr")
[[ $? -eq 0 ]] || fail "a bad post alone should not fail the listing"
expect "good" "$out" "good post listed"
grep -qE 'bad.md:[0-9]+:[0-9]+: warning: ' "$work/stderr" || fail "bad front matter not located: $(cat "$work/stderr")"
"$folio" list "$work/blog" --strict >/dev/null 2>&1
[[ $? -eq 1 ]] || fail "--strict with a bad post should exit 1"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "list_meetup: all checks passed"
