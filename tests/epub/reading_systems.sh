#!/usr/bin/env bash
# What readers and their tools see of folio's books: the torture and meetup books built,
# then one check on them (exit 77 when the check's tool cannot run here).
#   uris   every href (EPUB) and link URI (PDF) is a valid RFC 3986 URI (check_uris.py)
#   cover  the cover page fits 600x900 and 1024x768 in headless Chromium (cover_fit.sh)
#   ace    DAISY Ace finds no serious or critical violation (ace_check.sh), also on a
#          slice of the bench corpus
# Usage: reading_systems.sh CHECK FOLIO_BINARY SOURCE_DIR
set -uo pipefail
check=$1 folio=$2 src=$3
here=$(cd "$(dirname "$0")" && pwd)
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() {  # build SOURCE OUTPUT
  (cd "$1" && "$folio" build -o "$2") >"$work/out" 2>"$work/err" || {
    echo "FAIL: folio build $1 -o $2: $(cat "$work/err")" >&2
    exit 1
  }
}
build "$src/tests/epub/torture" "$work/torture.epub"
build "$src/examples/meetup" "$work/meetup.epub"
case $check in
  uris)
    build "$src/examples/meetup" "$work/meetup.pdf"
    build "$src/tests/epub/torture" "$work/torture.pdf"
    # Debian's python3, where python3-rfc3986 and python3-fitz are (not a pyenv shim's).
    py=/usr/bin/python3
    [[ -x $py ]] || py=python3
    "$py" "$here/check_uris.py" "$work/torture.epub" "$work/meetup.epub" "$work/meetup.pdf" "$work/torture.pdf"
    ;;
  cover) bash "$here/cover_fit.sh" "$work/meetup.epub" ;;
  ace)
    # And a slice of the bench corpus (bench/generate; 6 posts, without images, for time).
    python3 "$src/bench/generate" "$work/bench" --posts 6 --images 0 >/dev/null 2>"$work/err" ||
      { echo "FAIL: bench/generate: $(cat "$work/err")" >&2; exit 1; }
    build "$work/bench" "$work/bench.epub"
    bash "$here/ace_check.sh" "$work/torture.epub" "$work/meetup.epub" "$work/bench.epub"
    ;;
  *) echo "unknown check $check" >&2; exit 2 ;;
esac
