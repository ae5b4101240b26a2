#!/usr/bin/env bash
# libfolio.so exports its public API and nothing else: the C API (folio_*), the C++ API
# declared in include/folio/, and the standard-library instantiations of its types. No
# private function (core/, epub/, pdf/, ...) and no symbol of a library folio uses
# (yaml-cpp, Qt, KSyntaxHighlighting, toml++) is visible to programs.
#   exports.sh LIBFOLIO_SO PUBLIC_HEADER_DIR...
set -uo pipefail
lib=$1
shift
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

symbols=$(nm -DC --defined-only "$lib" | cut -d' ' -f3-) || { echo "FAIL: nm $lib" >&2; exit 1; }
count=$(wc -l <<<"$symbols")
echo "libfolio.so exports $count symbols"

# The API is there: C and C++ entry points a program calls.
for want in 'folio_book_write_file' 'folio::write_epub(' 'folio::write_pdf(' 'folio::make_book(' \
            'folio::read_post(' 'folio::Diagnostics::report(' 'folio::version()' 'folio::load_book_config('; do
  grep -qF -- "$want" <<<"$symbols" || fail "not exported: $want"
done

# Nothing of the libraries folio is built on.
leaked=$(grep -E '^(YAML::|Q[A-Z][A-Za-z]*[:<]|KSyntaxHighlighting::|toml::|CLI::|qInitResources|qCleanupResources|typeinfo (name )?for (YAML|Q[A-Z]|KSyntax|toml))' <<<"$symbols" | head -5)
[[ -z "$leaked" ]] || fail "symbols of other libraries are exported: $leaked"

# Every folio:: name exported is declared in a public header.
words=$(for dir in "$@"; do cat "$dir"/folio/*.hpp "$dir"/folio/*.h 2>/dev/null; done | grep -oE '[A-Za-z_][A-Za-z0-9_]*' | sort -u)
names=$(sed -nE 's/^((typeinfo( name)?|vtable|VTT|guard variable) for )?folio::([A-Za-z_][A-Za-z0-9_]*).*/\4/p' <<<"$symbols" | sort -u)
private=$(comm -23 <(echo "$names") <(echo "$words"))
[[ -z "$private" ]] || fail "private names are exported: $(echo $private | head -c 400)"
# Internal namespaces never appear at the top of a symbol.
internal=$(grep -E '^((typeinfo( name)?|vtable) for )?folio::(pdf|epub|markdown|figures|content|fonts|utf8|highlight|capi)::' <<<"$symbols" | head -3)
[[ -z "$internal" ]] || fail "internal namespaces are exported: $internal"

((failures == 0)) && echo "ok: only the public API is exported"
exit $((failures > 0))
