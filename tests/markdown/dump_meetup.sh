#!/bin/sh
# End to end: `folio dump --json examples/meetup` read back with python3's json module;
# chapters, headings, ids, footnotes, figures, divisions and links between posts checked.
set -eu
folio="$1"
source_dir="$2"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source_dir/examples/meetup"
"$folio" dump --json . >"$out/dump.json" 2>"$out/stderr"
"$folio" dump . >"$out/outline.txt" 2>/dev/null
python3 - "$out/dump.json" "$out/stderr" "$out/outline.txt" <<'PY'
import json, sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
stderr = open(sys.argv[2], encoding="utf-8").read()
outline = open(sys.argv[3], encoding="utf-8").read()
chapters = doc["chapters"]

def nodes(x, kind):
    """Every node of type kind under x, depth first."""
    if isinstance(x, dict):
        if x.get("t") == kind:
            yield x
        for v in x.values():
            yield from nodes(v, kind)
    elif isinstance(x, list):
        for v in x:
            yield from nodes(v, kind)

def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)

check(len(chapters) == 8, f"8 meetup chapters, got {len(chapters)}")
check(all(c["path"].endswith(".md") and c["title"] for c in chapters), "path and title")
check(chapters[0]["title"].startswith("Go 夜读第 1 期"), "date order: first meetup first")

ids = [h["id"] for c in chapters for h in nodes(c["blocks"], "Heading")]
check(len(ids) == len(set(ids)), "heading ids unique in the book")
check(all(h["level"] >= 2 for c in chapters for h in nodes(c["blocks"], "Heading")),
      "body headings start at level 2")
summary = [h for c in chapters for h in nodes(c["blocks"], "Heading") if h["post_id"] == "总结"]
check(len(summary) == 8 and summary[1]["id"] == "总结-1", "every recap's 总结, numbered in the book")
check(any(h["id"] == "limits" for h in nodes(chapters[6]["blocks"], "Heading")), "{#limits} kept")
check(all(h["pos"][0] > 0 and h["pos"][1] > 0 for c in chapters for h in nodes(c["blocks"], "Heading")),
      "headings have positions")

refs = [r for c in chapters for r in nodes(c["blocks"], "FootnoteRef")]
notes = [n for c in chapters for n in c["footnotes"]]
check(len(notes) >= 7, f"footnotes: {len(notes)}")
check(all(r["number"] >= 1 for r in refs), "every footnote reference has its definition")
check(all(c["footnotes"][0]["number"] == 1 for c in chapters if c["footnotes"]),
      "footnotes numbered per chapter")

figures = [f for c in chapters for f in nodes(c["blocks"], "Figure")]
check(len(figures) >= 8, f"figures: {len(figures)}")
check(all(f["src"] for f in figures), "figures have a source")
check(any(f["src"] == "/images/venue-map.png" and f["caption"] for f in figures),
      "the figure shortcode with its caption")

kinds = {d["kind"] for c in chapters for d in nodes(c["blocks"], "Division")}
check({"details", "center"} <= kinds, f"details shortcode and <center>: {kinds}")
check(any(True for c in chapters for _ in nodes(c["blocks"], "DefinitionList")), "a definition list")
check(any(True for c in chapters for _ in nodes(c["blocks"], "Table")), "tables")

links = [l for c in chapters for l in nodes(c["blocks"], "Link")]
internal = [l for l in links if l["target"]["chapter"] >= 0]
check(len(internal) >= 12, f"links between posts: {len(internal)}")
check(any(l["target"]["fragment"] == "两种编译方式" for l in internal), "a link to a heading of another post")
check(all(l["target"]["url"] for l in links if l["target"]["chapter"] < 0), "other links keep a URL")

check("warning" not in stderr, "no warnings on the example: " + stderr)
check(outline.count("\n== ") + outline.startswith("== ") == 8, "the outline lists 8 chapters")
print("ok:", len(chapters), "chapters,", len(ids), "headings,", len(notes), "footnotes,",
      len(figures), "figures,", len(internal), "internal links")
PY
