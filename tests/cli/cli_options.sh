#!/usr/bin/env bash
# Option parsing and defaults: one value per selection flag, comma lists, missing PATHS,
# a folder given to -c, typo'd commands, the default output name, -o -, the cache folder,
# a failed write naming the output path, "1 chapter".
source "$(dirname "$0")/common.sh"
meetup=$work/meetup
cd "$work"

# --- --tag takes one value: the PATH after it stays a PATH ---
out=$("$folio" list -t meetup meetup 2>&1); rc=$?
[[ $rc -eq 0 ]] || fail "list -t meetup meetup exited $rc: $out"
expect "8 posts" "$out" "greedy tag"
out=$("$folio" build --offline -t go meetup -o "$work/t.epub" 2>&1); rc=$?
expect_not "181" "$out" "greedy tag build"
[[ $rc -eq 0 || $rc -eq 2 ]] || fail "build -t go meetup: exit $rc: $out"
# A comma list is two tags; repeating the flag adds.
a=$("$folio" list meetup --tag go,cloud-native --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["posts"]))')
b=$("$folio" list meetup --tag go --tag cloud-native --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["posts"]))')
[[ -n $a && $a == "$b" && $a -gt 0 ]] || fail "comma list ($a) and repeated flag ($b) should agree"

# --- a PATH that does not exist is named ---
out=$("$folio" list meetup nosuch-folder 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "missing PATH should exit 2, got $rc"
expect "nosuch-folder: error: content folder not found: no such file or folder" "$out" "missing PATH"

# --- a folder to -c is a clear error, not bad_alloc ---
out=$("$folio" list -c meetup 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "list -c FOLDER should exit 2, got $rc: $out"
expect "this is a folder" "$out" "-c FOLDER"
expect_not "bad_alloc" "$out" "-c FOLDER"

# --- typos suggest the nearest command ---
out=$("$folio" biuld meetup 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "biuld should exit 2, got $rc"
expect "did you mean 'build'?" "$out" "typo"
out=$("$folio" wacth 2>&1)
expect "did you mean 'watch'?" "$out" "typo watch"

# --- one post: "1 chapter", no cache inside the content folder, --fail-on-warnings accepted ---
post=$meetup/content/posts/meetup-02-generics.md
out=$("$folio" build "$post" --offline -o "$work/one.epub" 2>&1); rc=$?
[[ $rc -eq 0 ]] || fail "one post build exited $rc: $out"
expect ": 1 chapter," "$out" "singular chapter"
[[ -e $meetup/content/posts/.folio-cache || -e $meetup/.folio-cache ]] && fail "a cache was made inside the content folder"
[[ -d $XDG_CACHE_HOME/folio ]] || fail "the cache should default to \$XDG_CACHE_HOME/folio"
# --fail-on-warnings is --strict: the post's links to posts left out become errors.
out=$("$folio" build "$post" --offline --fail-on-warnings -o "$work/strict.epub" 2>&1); rc=$?
[[ $rc -eq 1 ]] || fail "--fail-on-warnings should fail on warnings, exit $rc"
expect "error: link to a post" "$out" "--fail-on-warnings"
[[ -e $work/strict.epub ]] && fail "--fail-on-warnings wrote the book"
# --cache overrides it.
"$folio" build "$post" --offline -o "$work/one2.epub" --cache "$work/mycache" >/dev/null 2>&1
[[ -d $work/mycache ]] || fail "--cache DIR was not used"

# --- without -o: <title slug>.epub in the working folder; --format pdf picks the format ---
mkdir -p "$work/here" && cd "$work/here"
out=$("$folio" build "$meetup" --offline 2>&1); rc=$?
[[ $rc -eq 0 ]] || fail "build without -o exited $rc: $out"
ls "$work/here"/*.epub >/dev/null 2>&1 || fail "no EPUB written in the working folder: $(ls "$work/here")"
expect "go-夜读-2026-聚会合集.epub" "$(ls "$work/here")" "default output name from the title"
cd "$work"

# --- -o - writes the bytes to stdout (a pipe); the summary goes to stderr ---
"$folio" build "$post" --offline --format epub -o - >"$work/stdout.epub" 2>"$work/stderr.txt"; rc=$?
[[ $rc -eq 0 ]] || fail "-o - exited $rc: $(cat "$work/stderr.txt")"
[[ -e "$work/-" || -e "$meetup/-" ]] && fail "-o - wrote a file named -"
[[ $(head -c 2 "$work/stdout.epub") == "PK" ]] || fail "-o - did not write a zip to stdout"
python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.read("mimetype")==b"application/epub+zip"' "$work/stdout.epub" ||
  fail "stdout EPUB is not an EPUB"
expect "wrote stdout" "$(cat "$work/stderr.txt")" "-o - summary on stderr"
"$folio" build "$post" --offline --format pdf -o - >"$work/stdout.pdf" 2>/dev/null || fail "-o - --format pdf exited $?"
[[ $(head -c 5 "$work/stdout.pdf") == "%PDF-" ]] || fail "-o - --format pdf wrote no PDF"
# ... and is refused when stdout is a terminal.
out=$(script -qec "'$folio' build '$post' --offline -o -" /dev/null 2>&1)
expect "stdout, which is a terminal" "$out" "-o - on a terminal"

# --- a failed write names the output path, not the temporary file ---
mkdir -p "$work/ro" && chmod 555 "$work/ro"
if [[ ! -w $work/ro ]]; then
  out=$("$folio" build "$post" --offline -o "$work/ro/x.epub" 2>&1); rc=$?
  [[ $rc -eq 1 ]] || fail "write into a read-only folder should exit 1, got $rc"
  expect "$work/ro/x.epub" "$out" "failed write names the output"
  expect_not ".tmp-" "$out" "failed write names no temporary file"
fi
chmod 755 "$work/ro"

finish
