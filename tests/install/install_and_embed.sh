#!/usr/bin/env bash
# Installs libfolio into a temporary prefix and uses it the two ways a program would:
# find_package(folio) (builds and runs examples/embed on examples/meetup) and pkg-config
# (compiles, links and runs a one-line program, shared and static).
#
#   install_and_embed.sh BUILD_DIR SOURCE_DIR WORK_DIR [CXX]
set -euo pipefail

build=$(realpath "$1")
source=$(realpath "$2")
work=$3
cxx=${4:-c++}
prefix=$work/prefix

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
prefix=$work/prefix

# 1. Install into the temporary prefix.
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || {
  cat "$work/install.log" >&2
  fail "cmake --install failed (is the whole project built? ctest does not build it)"
  exit 1
}
pass "cmake --install into $prefix"

libdir=$(dirname "$(find "$prefix" -name 'libfolio.so' -print -quit)")
[[ -n "$libdir" && -f "$libdir/libfolio.so" ]] || { fail "libfolio.so not installed"; libdir=$prefix/lib; }
for f in "$libdir/libfolio.a" "$prefix/include/folio/folio.hpp" "$prefix/include/folio/version.hpp" \
         "$prefix/include/folio/document.hpp" "$libdir/cmake/folio/folioConfig.cmake" \
         "$libdir/cmake/folio/folioConfigVersion.cmake" "$libdir/pkgconfig/folio.pc" \
         "$prefix/share/man/man1/folio.1"; do
  [[ -f "$f" ]] || fail "not installed: ${f#"$prefix"/}"
done
# Only the public API is installed: no private headers (core/, base/) leak into include/.
extra=$(find "$prefix/include" -type f ! -path "$prefix/include/folio/*" | head -5)
[[ -z "$extra" ]] || fail "headers outside include/folio: $extra"
if grep -rlq --include='*.hpp' '#include "base/' "$prefix/include"; then
  fail "an installed header includes a private base/ header"
fi
pass "installed files"

# 2. examples/embed against the installed CMake package.
cmake -S "$source/examples/embed" -B "$work/embed" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release >"$work/embed-configure.log" 2>&1 \
  || { cat "$work/embed-configure.log" >&2; fail "examples/embed does not configure"; exit 1; }
cmake --build "$work/embed" >"$work/embed-build.log" 2>&1 \
  || { cat "$work/embed-build.log" >&2; fail "examples/embed does not build"; exit 1; }
pass "examples/embed builds with find_package(folio)"

embed=$work/embed/folio_embed
# It must run against the installed library, not the one in the build tree.
linked=$(ldd "$embed" | awk '/libfolio\.so/ {print $3}')
[[ "$linked" == "$prefix"/* ]] || fail "folio_embed loads libfolio from '$linked', not from $prefix"

status=0
(cd "$source" && "$embed" examples/meetup) >"$work/embed.out" 2>"$work/embed.err" || status=$?
cat "$work/embed.out"
[[ $status -eq 0 ]] || { cat "$work/embed.err" >&2; fail "folio_embed exited with $status"; }

expect_line() {  # the output has a line matching this extended regex
  grep -Eq -- "$1" "$work/embed.out" || fail "folio_embed output lacks /$1/"
}
expect_line '^book: Go 夜读 · 2026 聚会合集$'
expect_line '^chapters: 8$'
# The eight recaps, oldest first, with their dates in their own zones.
expected=(
  "2026-01-17  Go 夜读第 1 期：从 GMP 看 Go 调度器"
  "2026-02-21  Go 夜读第 2 期：泛型三年，我们用对了吗"
  "2026-03-21  Go 夜读第 3 期：pprof 性能分析实战"
  "2026-04-18  Go 夜读第 4 期：用 Go 写 Kubernetes Operator"
  "2026-05-16  Go 夜读第 5 期：错误处理，不只是 if err != nil"
  "2026-06-20  Go 夜读第 6 期：database/sql 与连接池"
  "2026-07-18  Go 夜读第 7 期：Go + WebAssembly 能走多远"
  "2026-11-21  Go 夜读第 8 期：2026 年终复盘"
)
mapfile -t chapters < <(grep -E '^ *[0-9]+\. ' "$work/embed.out" | sed -E 's/^ *[0-9]+\. //')
for i in "${!expected[@]}"; do
  [[ "${chapters[$i]:-}" == "${expected[$i]}" ]] \
    || fail "chapter $((i + 1)): expected '${expected[$i]}', got '${chapters[$i]:-<none>}'"
done
# Left out: the draft, the future post, and posts with other tags.
for absent in 草稿 2099 读书笔记 杭州走走 关于; do
  ! grep -q "$absent" "$work/embed.out" || fail "folio_embed lists a post it should leave out ($absent)"
done
# Nine figure uses, eight distinct files (signup.png is shown twice), all local.
expect_line '^figures: 8 \(8 usable\)$'
expect_line '^diagnostics: 0 errors'
pass "folio_embed on examples/meetup"

# 3. pkg-config: a one-line program compiled and linked with the flags folio.pc gives.
# folio.pc finds its prefix from where it sits, so the temporary prefix needs no extra flags.
export PKG_CONFIG_PATH=$libdir/pkgconfig
cflags=$(pkg-config --cflags folio) || fail "pkg-config --cflags folio"
libs=$(pkg-config --libs folio) || fail "pkg-config --libs folio"
echo "pkg-config: $cflags $libs"
folio_include=$(sed -nE 's/^-I([^ ]*).*/\1/p' <<<"$cflags")
[[ -n "$folio_include" && "$(realpath -m "$folio_include")" == "$prefix/include" ]] \
  || fail "pkg-config --cflags folio does not point at $prefix/include: $cflags"
cat >"$work/one_line.cpp" <<'EOF'
#include <folio/folio.hpp>
int main() { return folio::normalize_term("Cloud Native") == "cloud-native" && folio::version()[0] ? 0 : 1; }
EOF
# shellcheck disable=SC2086  # the flags are meant to split
if "$cxx" -std=c++20 $cflags "$work/one_line.cpp" -o "$work/one_line" $libs 2>"$work/one_line.log"; then
  LD_LIBRARY_PATH=$libdir "$work/one_line" || fail "the pkg-config program (shared) exits non-zero"
  pass "pkg-config --cflags --libs folio: compiled, linked and ran (shared)"
else
  cat "$work/one_line.log" >&2
  fail "the pkg-config program does not compile or link (shared)"
fi
# Static libfolio.a: its private dependencies (Requires.private, Libs.private) must be complete.
# They are linked as shared libraries: `pkg-config --static` would also ask for static builds
# of curl's own dependencies, which Debian does not ship.
mapfile -t private_modules < <(pkg-config --print-requires-private folio | awk '{ print $1 }')
private_libs=$(pkg-config --libs "${private_modules[@]}") || fail "Requires.private names a missing module"
libs_private=$(sed -n 's/^Libs.private: *//p' "$libdir/pkgconfig/folio.pc")
# shellcheck disable=SC2086
if "$cxx" -std=c++20 $cflags "$work/one_line.cpp" -o "$work/one_line_static" "$libdir/libfolio.a" \
     $private_libs $libs_private 2>"$work/one_line_static.log"; then
  if ldd "$work/one_line_static" | grep -q 'libfolio\.so'; then
    fail "the static program still loads libfolio.so"
  fi
  "$work/one_line_static" || fail "the pkg-config program (static) exits non-zero"
  pass "libfolio.a with Requires.private and Libs.private: compiled, linked and ran"
else
  grep -m 10 'undefined reference' "$work/one_line_static.log" >&2 || tail -20 "$work/one_line_static.log" >&2
  fail "libfolio.a does not link with the private dependencies folio.pc lists"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all install checks passed"
