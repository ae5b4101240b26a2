#!/usr/bin/env bash
# The cover page fits the screen: cover.xhtml of an EPUB rendered in headless Chromium
# at 600x900 and 1024x768; the cover image must lie inside the viewport, fill it in one
# dimension and the page must not scroll.
# Usage: cover_fit.sh BOOK.epub
set -uo pipefail
epub=$1
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]]; then
  echo "cover_fit: SKIP: chromium is not installed (scripts/deps installs it)" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$epub" "$work/book" <<'PY' || exit 1
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
# Report the image's box in the title, where --dump-dom shows it.
p = sys.argv[2] + "/EPUB/cover.xhtml"
s = open(p, encoding="utf-8").read()
probe = ("<script>window.addEventListener('load', function () {"
         " var r = document.querySelector('image').getBoundingClientRect();"
         " document.title = 'FIT ' + [r.left, r.top, r.width, r.height, innerWidth, innerHeight,"
         " document.documentElement.scrollHeight].join(' '); });</script></body>")
open(p, "w", encoding="utf-8").write(s.replace("</body>", probe))
PY
failures=0
for size in 600,900 1024,768; do
  out=$("$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
        --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
        --window-size=$size --virtual-time-budget=3000 --dump-dom "file://$work/book/EPUB/cover.xhtml" 2>"$work/err")
  line=$(grep -o 'FIT [-0-9. ]*' <<<"$out" | head -1)
  if [[ -z $line ]]; then
    if [[ -z $out ]]; then
      echo "cover_fit: SKIP: chromium cannot start: $(head -3 "$work/err")" >&2
      exit 77
    fi
    echo "FAIL: $size: no measurement in the page" >&2
    failures=$((failures + 1))
    continue
  fi
  echo "cover_fit $size: left top width height innerWidth innerHeight scrollHeight = ${line#FIT }"
  python3 - ${line#FIT } <<'PY' || failures=$((failures + 1))
import sys
left, top, w, h, vw, vh, sh = map(float, sys.argv[1:])
ok = left >= -0.5 and top >= -0.5 and left + w <= vw + 0.5 and top + h <= vh + 0.5
fills = max(w / vw, h / vh) > 0.97
if not (ok and fills and sh <= vh + 0.5):
    print(f"FAIL: cover {w:.0f}x{h:.0f} at ({left:.0f},{top:.0f}) in {vw:.0f}x{vh:.0f}, page height {sh:.0f}",
          file=sys.stderr)
    sys.exit(1)
PY
done
exit $((failures > 0))
