#!/usr/bin/env bash
# Terminal versus pipe: a progress line and colour only on a TTY (script(1) gives one),
# NO_COLOR and --color, -q (errors only) and -v (stage timings, cache hits).
source "$(dirname "$0")/common.sh"
meetup=$work/meetup
export TERM=xterm

# A pipe: no progress line, no escape codes; the summary on stdout.
"$folio" build "$meetup" --offline --no-cache -o "$work/a.epub" >"$work/out.txt" 2>"$work/err.txt" || fail "pipe build failed"
grep -q $'\r' "$work/err.txt" && fail "progress drawn into a pipe: $(cat -v "$work/err.txt")"
grep -q $'\x1b' "$work/err.txt" "$work/out.txt" && fail "escape codes in a pipe"
expect "wrote $work/a.epub: 8 chapters" "$(cat "$work/out.txt")" "summary"

# A terminal: the progress line is drawn (reading, writing) and cleared before the summary.
tty=$(script -qec "'$folio' build '$meetup' --offline --no-cache -o '$work/b.epub'" /dev/null)
expect "reading: 8/8 chapters" "$tty" "progress on a terminal"
expect "writing: 8/8" "$tty" "writing progress"
expect $'\r\x1b[K' "$tty" "progress line cleared"
expect "wrote $work/b.epub" "$tty" "summary on a terminal"
# Progress also for the PDF's layout.
tty=$(script -qec "'$folio' build '$meetup' --offline --no-cache -o '$work/b.pdf'" /dev/null)
expect "layout: 8/8 chapters" "$tty" "PDF layout progress"

# Colour: on a terminal by default, never with NO_COLOR, always with --color always.
cat >"$work/bad.md" <<'MD'
---
title: Bad
---
![missing](nowhere.png)
MD
tty=$(script -qec "'$folio' build '$work/bad.md' --offline --no-cache -o '$work/bad.epub'" /dev/null)
expect $'\x1b[1;35mwarning:' "$tty" "coloured warning on a terminal"
tty=$(NO_COLOR=1 script -qec "'$folio' build '$work/bad.md' --offline --no-cache -o '$work/bad.epub'" /dev/null)
expect_not $'\x1b[1;35m' "$tty" "NO_COLOR"
expect "warning:" "$tty" "NO_COLOR still warns"
err=$("$folio" build "$work/bad.md" --offline --no-cache --color always -o "$work/bad.epub" 2>&1 >/dev/null)
expect $'\x1b[1;35mwarning:' "$err" "--color always in a pipe"

# -q: nothing but errors; -v: stage timings and the cache.
out=$("$folio" -q build "$work/bad.md" --offline --no-cache -o "$work/bad.epub" 2>&1)
[[ -z $out ]] || fail "-q should print nothing on success with warnings: $out"
out=$("$folio" build "$work/bad.md" --offline -q --strict -o "$work/bad.epub" 2>&1)
expect "error:" "$out" "-q keeps errors"
out=$("$folio" build "$meetup" --offline -v -o "$work/c.epub" 2>&1)
expect "reading " "$out" "-v stage timing"
expect "cache: miss" "$out" "-v cache miss"
out=$("$folio" build "$meetup" --offline -v -o "$work/c.epub" 2>&1)
expect "unchanged since the last build" "$out" "-v cache hit"

# Ctrl-C during a build: it stops, exits 1 and leaves neither the book nor a temporary file.
# Interrupted once the figures are resolved, during layout.
"$folio" build "$meetup" --offline --no-cache -o "$work/stop.pdf" >/dev/null 2>"$work/stop.err" &
pid=$!
for _ in $(seq 100); do grep -q "figures:" "$work/stop.err" 2>/dev/null && break; sleep 0.05; done
kill -INT "$pid" 2>/dev/null
wait "$pid"; rc=$?
if [[ $rc -ne 0 ]]; then
  [[ $rc -eq 1 ]] || fail "an interrupted build should exit 1, got $rc"
  [[ -e $work/stop.pdf ]] && fail "an interrupted build left the book"
  expect "build stopped; nothing written" "$(cat "$work/stop.err")" "interrupted build message"
fi
ls "$work"/stop.pdf.tmp-* >/dev/null 2>&1 && fail "an interrupted build left a temporary file"

finish
