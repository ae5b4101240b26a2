# Sourced by the C API tests: validators on a book the API wrote.
#   check_epub FILE  /  check_pdf FILE
check_epub() {
  local report
  if report=$(java -jar /usr/share/java/epubcheck.jar "$1" 2>&1); then
    grep -q "No errors or warnings detected" <<<"$report" || { echo "$report" >&2; fail "epubcheck has messages on $1"; return; }
    pass "epubcheck clean: $(basename "$1")"
  else
    echo "$report" >&2
    fail "epubcheck rejects $1"
  fi
}
check_pdf() {
  qpdf --check "$1" >/dev/null 2>&1 || { qpdf --check "$1" >&2; fail "qpdf --check fails on $1"; return; }
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  [[ "${pages:-0}" -gt 5 ]] || fail "$1 has ${pages:-0} pages"
  local text
  text=$(pdftotext "$1" -)
  grep -q "Go 夜读第 1 期" <<<"$text" || fail "$1: pdftotext does not find the first chapter's title"
  pass "qpdf clean, $pages pages: $(basename "$1")"
}
