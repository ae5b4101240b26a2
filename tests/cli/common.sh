# Shared by the CLI tests: fail/expect helpers and a private copy of examples/meetup.
# Usage (sourced): folio=$1 root=$2
set -uo pipefail
folio=$1
root=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect NEEDLE TEXT WHAT
  grep -qF -- "$1" <<<"$2" || fail "$3: expected to find: $1 in: $2"
}
expect_not() {
  grep -qF -- "$1" <<<"$2" && fail "$3: did not expect: $1 in: $2"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/xdg-cache
cp -r "$root/examples/meetup" "$work/meetup"
epub_text() {  # epub_text FILE.epub: the XHTML of every chapter (python3, no unzip needed)
  python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xhtml"): sys.stdout.write(z.read(n).decode("utf-8"))' "$1"
}
finish() {
  if ((failures)); then echo "$failures failure(s)" >&2; exit 1; fi
  echo "all passed"
}
