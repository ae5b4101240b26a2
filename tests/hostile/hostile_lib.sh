# Shared by the hostile-input build tests (hostile_builds.sh, hostile_scale.sh): a throwaway
# site per case, and build_case, which builds a site to EPUB and PDF under a 30 s timeout
# (FOLIO_HOSTILE_TIMEOUT: the sanitized build, several times slower, sets a longer one)
# and checks the exit code, the expected diagnostic, the temp files and the outputs
# (epubcheck, qpdf). Sourced with the folio binary as $1; sets folio, work and failures.
folio=$1
build_timeout=${FOLIO_HOSTILE_TIMEOUT:-30}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SOURCE_DATE_EPOCH=1795651200
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Builds never touch the figure and build caches of the user running the tests.
export XDG_CACHE_HOME=$work/cache

# post DIR NAME [FRONT_MATTER_LINES...] < body: a Markdown post with a title and a tag.
post() {
  local dir=$1 name=$2
  shift 2
  mkdir -p "$dir"
  {
    echo "---"
    echo "title: $name"
    echo "date: 2024-01-0${#name}"
    echo "tags: [t]"
    for line in "$@"; do echo "$line"; done
    echo "---"
    cat
  } >"$dir/$name.md"
}

# A site with one ordinary post, so a hostile post that is left out still leaves a book.
site() {
  local dir=$work/$1
  rm -rf "$dir"
  mkdir -p "$dir/content/posts"
  echo "title: hostile" >"$dir/hugo.yaml"
  echo "An ordinary post." | post "$dir/content/posts" ok
  echo "$dir"
}

# How EPUBs are checked: epubcheck, or with epub_check=xml the zip and every XML file in it
# well-formed (xmllint), for books so big that epubcheck takes many minutes (hostile_scale
# runs epubcheck on a small book from the same generator instead).
epub_check=epubcheck

check_output() {  # check_output FILE FORMAT WHAT
  if [[ $2 == epub && $epub_check == xml ]]; then
    local unpacked=$work/unpacked f
    rm -rf "$unpacked"
    unzip -q "$1" -d "$unpacked" 2>/dev/null || fail "$3: not a whole zip"
    [[ $(unzip -p "$1" mimetype 2>/dev/null) == application/epub+zip ]] || fail "$3: no mimetype"
    while IFS= read -r -d '' f; do
      xmllint --noout --huge "$f" 2>/dev/null || fail "$3: ${f#"$unpacked"/} is not well-formed XML"
    done < <(find "$unpacked" -type f \( -name '*.xhtml' -o -name '*.opf' -o -name '*.ncx' -o -name '*.xml' \) -print0)
    rm -rf "$unpacked"
  elif [[ $2 == epub ]]; then
    local report
    report=$(java -jar /usr/share/java/epubcheck.jar "$1" 2>&1)
    grep -qF "No errors or warnings detected" <<<"$report" || { fail "$3: epubcheck:"; echo "$report" | tail -5 >&2; }
  else
    local report rc
    report=$(qpdf --check "$1" 2>&1)
    rc=$?
    # Exit 3 is "warnings only". main's PDFs carry one known warning (a duplicated key in a
    # dictionary cairo writes, seen on any one-post book); anything else fails.
    if [[ $rc -eq 3 ]] && ! grep "^WARNING" <<<"$report" | grep -qv "dictionary has duplicated key"; then
      rc=0
    fi
    [[ $rc -eq 0 ]] || { fail "$3: qpdf --check (exit $rc)"; tail -3 <<<"$report" >&2; }
  fi
}

# build_case WHAT SITE EXPECT_RE [FORMATS] [EXTRA ARGS...]: builds SITE to each format.
build_case() {
  local what=$1 dir=$2 expect=$3 formats=${4:-"epub pdf"}
  shift 4 2>/dev/null || shift $#
  local fmt out rc log started
  for fmt in $formats; do
    out=$work/out-$what.$fmt
    log=$work/log-$what-$fmt
    rm -f "$out"
    started=$SECONDS
    timeout -s KILL "$build_timeout" "$folio" build "$dir" -t t -o "$out" --offline "$@" >"$log" 2>&1
    rc=$?
    echo "$what ($fmt): exit $rc in $((SECONDS - started)) s"
    if [[ $rc -eq 137 ]]; then fail "$what ($fmt): no result within $build_timeout s"; continue; fi
    # 2 is the exit code of a book.yaml that cannot be read (usage), for the -c cases.
    if [[ $rc -ne 0 && $rc -ne 1 && ! ($rc -eq 2 && $* == *-c*) ]]; then fail "$what ($fmt): exit code $rc"; tail -5 "$log" >&2; continue; fi
    if [[ -n $expect ]] && ! grep -qE "$expect" "$log"; then
      fail "$what ($fmt): no diagnostic matching /$expect/"
      tail -5 "$log" >&2
    fi
    if [[ $rc -eq 0 ]]; then
      [[ -f $out ]] && check_output "$out" "$fmt" "$what ($fmt)" || fail "$what ($fmt): exit 0 without an output"
    elif [[ -e $out ]]; then
      fail "$what ($fmt): failed but left a file at the output path"
    fi
    if ls "$work" | grep -q "out-$what.$fmt.tmp-"; then fail "$what ($fmt): a temporary file was left"; fi
  done
}

loc='\.md:[0-9]+:[0-9]+: (warning|error)'

# finish NAME: the test's exit status from the failures counted.
finish() {
  if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
  fi
  echo "$1: all cases passed"
}
