#!/usr/bin/env bash
# Highlighted code as readers see it: DAISY Ace on the highlighted chapters (colour
# contrast of every token, light scheme, as axe computes it), and wrapped code lines in
# headless Chromium on a narrow screen hanging under their first line, never at column 0.
# Usage: highlight_reading.sh FOLIO_BINARY SOURCE_DIR   (exit 77: chromium cannot run)
set -uo pipefail
folio=$1 src=$2
export SOURCE_DATE_EPOCH=1795651200 LC_ALL=C.UTF-8
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache
trap 'rm -rf "$work"' EXIT
failures=0
for book in "$src/tests/highlight/post/book.yaml" "$src/examples/meetup/book.yaml"; do
  name=$(basename "$(dirname "$book")")
  "$folio" build -c "$book" -o "$work/$name.epub" 2>"$work/$name.log" || { echo "FAIL: $name: EPUB build" >&2; exit 1; }
done

# Ace: no serious or critical violation (colour contrast is "serious"). The meetup book's
# highlighted Go goes through Ace in epub_reading_ace.
bash "$src/tests/epub/ace_check.sh" "$work/post.epub"
rc=$?
[[ $rc -eq 77 ]] && exit 77
((rc)) && failures=$((failures + 1))

# Hanging indent: each chapter with code, 320 px wide, measured in the page.
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[[ -n $chromium ]] || { echo "highlight_reading: SKIP: chromium is not installed" >&2; exit 77; }
/usr/bin/python3 - "$work/post.epub" "$work/meetup.epub" "$work/pages" <<'PY' || exit 1
import sys, zipfile, os
out = sys.argv[-1]
for i, epub in enumerate(sys.argv[1:-1]):
    z = zipfile.ZipFile(epub)
    z.extractall(f"{out}/{i}")
    for n in z.namelist():
        if not n.endswith(".xhtml"):
            continue
        s = z.read(n).decode()
        if 'class="line' not in s:
            continue
        # Report, per wrapped line: its box's left, its first line's left, the lowest left
        # of its continuation lines, and the font size.
        probe = ("<script>//<![CDATA[\nwindow.addEventListener('load', function () { var r = [];"
                 " document.querySelectorAll('pre.code .line').forEach(function (e) {"
                 "  var range = document.createRange(); range.selectNodeContents(e);"
                 "  var rects = Array.from(range.getClientRects()).filter(function (x) { return x.width > 0; });"
                 "  if (!rects.length) return; var top = rects[0].top, first = rects[0].left, cont = 1e9;"
                 "  rects.forEach(function (x) { if (x.top > top + 2) cont = Math.min(cont, x.left); });"
                 "  if (cont < 1e9) r.push([e.getBoundingClientRect().left, first, cont,"
                 "   parseFloat(getComputedStyle(e).fontSize)].map(Math.round).join(','));"
                 " }); document.title = 'WRAP ' + r.join(' '); });\n//]]></script></body>")
        p = f"{out}/{i}/{n}"
        open(p, "w", encoding="utf-8").write(s.replace("</body>", probe))
        print(p)
PY
wrapped=0
for page in $(find "$work/pages" -name '*.xhtml' -newer "$work/post.epub" | sort); do
  grep -q 'WRAP' "$page" || continue
  out=$("$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
        --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
        --window-size=320,800 --virtual-time-budget=3000 --dump-dom "file://$page" 2>"$work/err")
  [[ -n $out ]] || { echo "highlight_reading: SKIP: chromium cannot start: $(head -3 "$work/err")" >&2; exit 77; }
  line=$(grep -o 'WRAP [-0-9, ]*' <<<"$out" | head -1)
  for m in ${line#WRAP}; do
    IFS=, read -r box first cont size <<<"$m"
    wrapped=$((wrapped + 1))
    if ((cont < box + size * 3 / 2 || cont < first + size)); then
      echo "FAIL: ${page#$work/pages/}: a wrapped code line continues at x=$cont (box $box, first line $first, font $size px)" >&2
      failures=$((failures + 1))
    fi
  done
done
echo "highlight_reading: $wrapped wrapped code lines measured"
((wrapped >= 5)) || { echo "FAIL: only $wrapped wrapped code lines at 320 px" >&2; failures=$((failures + 1)); }
exit $((failures > 0))
