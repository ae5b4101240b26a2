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
finish() {
  if ((failures)); then echo "$failures failure(s)" >&2; exit 1; fi
  echo "all passed"
}
