#!/usr/bin/env bash
# Runs test_capi (the C API from C) and checks what it wrote with the validators.
#   capi_c.sh TEST_CAPI SOURCE_DIR WORK_DIR
set -euo pipefail
bin=$1 source=$2 work=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
. "$(dirname "$0")/check_outputs.sh"

rm -rf "$work" && mkdir -p "$work"
"$bin" "$source/examples/meetup" "$work" || fail "test_capi"
check_epub "$work/meetup.epub"
check_epub "$work/memory.epub"
check_pdf "$work/meetup.pdf"
[[ ! -e /proc/folio-cannot-write.epub ]] || fail "a failed write left a file"
echo "capi_c: $failures failed"
exit $((failures > 0))
