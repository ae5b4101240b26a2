#!/usr/bin/env bash
# The Go (cgo) and Python (ctypes) examples, against libfolio installed in a temporary
# prefix, build examples/meetup; their books go through epubcheck and qpdf.
#   bindings.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2") work=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
. "$(dirname "$0")/check_outputs.sh"

rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
lib=$(find "$prefix" -name 'libfolio.so' -print -quit)
[[ -f "$prefix/include/folio/folio.h" ]] || fail "folio.h is not installed"
libdir=$(dirname "$lib")

# Only the C API and the C++ API are exported; no symbol of a dependency leaks.
if nm -D --defined-only "$lib" | awk '{print $3}' | grep -E '^(yaml|toml|md_|zip_|curl_|xml|cairo_|pango_)' | head -3 | grep -q .; then
  fail "libfolio.so exports a dependency's symbols"
fi
exported=$(nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^folio_/ {print $3}' | sort)
for f in folio_version folio_config_new folio_book_make folio_book_from_markdown folio_book_write_buffer; do
  grep -qx "$f" <<<"$exported" || fail "libfolio.so does not export $f"
done
pass "C API exported"

# Python: ctypes bindings and the example script.
mkdir -p "$work/python"
if FOLIO_LIBRARY=$lib python3 "$source/examples/python/build_meetup.py" "$source/examples/meetup" "$work/python" \
     >"$work/python.out" 2>"$work/python.err"; then
  cat "$work/python.out"
  grep -q "8 chapters" "$work/python.out" || fail "python: not 8 chapters"
  check_epub "$work/python/meetup-python.epub"
  check_pdf "$work/python/meetup-python.pdf"
else
  cat "$work/python.err" >&2
  fail "examples/python/build_meetup.py"
fi

# Go: the cgo package and its command, found through the installed folio.pc.
if command -v go >/dev/null; then
  export GOPATH=$work/gopath GOCACHE=$work/gocache GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
  export PKG_CONFIG_PATH=$libdir/pkgconfig CGO_ENABLED=1
  mkdir -p "$work/go"
  if (cd "$source/examples/go" && go build -o "$work/go/meetup-book" ./cmd/meetup-book) 2>"$work/go-build.err"; then
    pass "examples/go builds with cgo"
    if LD_LIBRARY_PATH=$libdir "$work/go/meetup-book" -out "$work/go" "$source/examples/meetup" >"$work/go.out" 2>"$work/go.err"; then
      cat "$work/go.out"
      grep -q "8 chapters" "$work/go.out" || fail "go: not 8 chapters"
      check_epub "$work/go/meetup-go.epub"
      check_pdf "$work/go/meetup-go.pdf"
    else
      cat "$work/go.err" >&2
      fail "examples/go meetup-book"
    fi
  else
    cat "$work/go-build.err" >&2
    fail "examples/go does not build"
  fi
else
  fail "go is not installed (scripts/deps installs golang-go)"
fi
echo "capi_bindings: $failures failed"
exit $((failures > 0))
