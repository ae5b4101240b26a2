#!/usr/bin/env bash
# folio watch end to end: it builds, a post is edited, a new output appears with the edit,
# a broken book.yaml keeps the last good output, and Ctrl-C (SIGINT) stops it cleanly.
source "$(dirname "$0")/common.sh"
meetup=$work/meetup
post=$meetup/content/posts/meetup-01-scheduler.md
out=$work/watch.epub

"$folio" watch "$meetup" --offline --debounce 100 -o "$out" >"$work/watch.log" 2>&1 &
pid=$!
wait_for() {  # wait_for PATTERN: up to 60 s for a line in the log
  for _ in $(seq 600); do
    grep -qF -- "$1" "$work/watch.log" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
wait_for "start: wrote" || fail "watch did not build at start: $(cat "$work/watch.log")"
first=$(stat -c %Y.%s "$out" 2>/dev/null)

printf '\n看门狗重建测试段落。\n' >>"$post"
wait_for "meetup-01-scheduler.md changed: wrote" || fail "no rebuild after editing a post: $(cat "$work/watch.log")"
epub_text "$out" >"$work/text.xhtml"; grep -q "看门狗重建测试段落" "$work/text.xhtml" || fail "the edit is not in the rebuilt EPUB"
expect "0 warnings" "$(grep 'changed: wrote' "$work/watch.log")" "rebuild line names warnings"

# A broken book.yaml: the build fails, the last good output stays.
cp "$meetup/book.yaml" "$work/book.yaml.good"
printf 'select: [unclosed\n' >>"$meetup/book.yaml"
wait_for "build failed" || fail "no failed rebuild line: $(cat "$work/watch.log")"
epub_text "$out" >"$work/text.xhtml"; grep -q "看门狗重建测试段落" "$work/text.xhtml" || fail "the last good output was not kept"
expect "kept the last good" "$(cat "$work/watch.log")" "failure line"
cp "$work/book.yaml.good" "$meetup/book.yaml"
wait_for "book.yaml changed: wrote" || fail "no rebuild after mending book.yaml: $(cat "$work/watch.log")"

kill -INT "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  fail "watch did not stop on SIGINT"
  kill -9 "$pid"
fi
wait "$pid"; rc=$?
[[ $rc -eq 0 ]] || fail "watch exited $rc after Ctrl-C"
expect "stopped" "$(cat "$work/watch.log")" "clean stop"
ls "$work"/watch.epub.tmp-* >/dev/null 2>&1 && fail "a temporary file was left behind"

finish
