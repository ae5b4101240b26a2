#!/usr/bin/env bash
# DAISY Ace (npm @daisy/ace, with Debian's chromium) on EPUBs: no serious or critical
# violation. Ace comes from FOLIO_ACE, else `ace-puppeteer` on PATH, else node_modules/.bin
# under FOLIO_NODE_PREFIX (scripts/deps installs it there). ace-puppeteer, not `ace`:
# plain `ace` runs in electron, which is not installed.
# Usage: ace_check.sh BOOK.epub...   (exit 77: skipped, with the reason)
set -uo pipefail
ace=${FOLIO_ACE:-$(command -v ace-puppeteer || true)}
prefix=${FOLIO_NODE_PREFIX:-$HOME/.cache/folio-node}
[[ -z $ace && -x $prefix/node_modules/.bin/ace-puppeteer ]] && ace=$prefix/node_modules/.bin/ace-puppeteer
if [[ -z $ace ]]; then
  echo "ace_check: SKIP: DAISY Ace is not installed (scripts/deps installs it)" >&2
  exit 77
fi
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-$(command -v chromium || true)}
if [[ -z $PUPPETEER_EXECUTABLE_PATH ]] || ! "$PUPPETEER_EXECUTABLE_PATH" --headless --no-sandbox --disable-gpu \
     --user-data-dir="$(mktemp -d)" --dump-dom about:blank >/dev/null 2>&1; then
  echo "ace_check: SKIP: chromium cannot start, so Ace cannot run" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for epub in "$@"; do
  name=$(basename "$epub" .epub)
  if ! "$ace" -s -f -o "$work/$name" -t "$work/tmp-$name" "$epub" >"$work/$name.log" 2>&1 ||
     [[ ! -f $work/$name/report.json ]]; then
    echo "FAIL: ace did not run on $epub:" >&2
    tail -20 "$work/$name.log" >&2
    failures=$((failures + 1))
    continue
  fi
  python3 - "$work/$name/report.json" "$name" <<'PY' || failures=$((failures + 1))
import json, sys
report = json.load(open(sys.argv[1]))
found = []
def walk(node, where):
    if isinstance(node, dict):
        test = node.get("earl:test")
        result = node.get("earl:result", {})
        if test and result.get("earl:outcome") == "fail":
            found.append((test.get("earl:impact"), test.get("dct:title"), result.get("earl:pointer", {}), where))
        subject = node.get("earl:testSubject", {}).get("url", where)
        for v in node.values():
            walk(v, subject)
    elif isinstance(node, list):
        for v in node:
            walk(v, where)
walk(report, "")
counts = {}
for impact, title, _, _ in found:
    counts[impact] = counts.get(impact, 0) + 1
print(f"ace {sys.argv[2]}: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=str)) or "no violations"))
bad = [f for f in found if f[0] in ("serious", "critical")]
for impact, title, pointer, where in bad:
    print(f"FAIL: {sys.argv[2]}: {impact}: {title} in {where} {pointer}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
exit $((failures > 0))
