#!/usr/bin/env bash
# Hostile input, whole builds: each case is a small input or a generator for a big one,
# built to EPUB and to PDF with a 30 s timeout. Every build must end (no hang), without a
# crash, with exit code 0 or 1, with the located diagnostic the case expects, with no
# file at the output path when it fails, and with epubcheck / qpdf clean when it succeeds.
# Also: SIGTERM and kill -9 mid-build, two --refresh builds on one cache, a full disk.
# Usage: hostile_builds.sh FOLIO_BINARY
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/hostile_lib.sh" "$1"

# ---- crashes ---------------------------------------------------------------------------
d=$(site self-alias)
echo body | post "$d/content/posts" alias 'a: &a [*a]'
build_case self-alias "$d" "alias\.md:[0-9]+:[0-9]+: warning: front matter: an alias refers to the value that contains it"

d=$(site self-alias-json)
printf '{"title": "j", "tags": ["t"], "a": &a [*a]}\nbody\n' >"$d/content/posts/json.md"
build_case self-alias-json "$d" "json\.md:[0-9]+:[0-9]+: warning: front matter: an alias"

d=$(site laughs)
{
  echo "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
  for k in 1 2 3 4 5 6 7 8 9; do
    p=$((k - 1))
    echo "l$k: &l$k [*l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p]"
  done
} >"$work/laughs.yaml"
mapfile -t laughs <"$work/laughs.yaml"
echo body | post "$d/content/posts" bomb "${laughs[@]}"
build_case billion-laughs "$d" "bomb\.md:[0-9]+:[0-9]+: warning: front matter: expands to more than"

d=$(site deep-quotes)
{ printf '%.0s>' $(seq 20000); echo " deep"; } | post "$d/content/posts" quotes
build_case deep-quotes "$d" "quotes$loc.*levels deep"

d=$(site deep-lists)
{ printf '%.0s- ' $(seq 50000); echo item; } | post "$d/content/posts" lists
build_case deep-lists "$d" "lists$loc.*levels deep"

d=$(site details)
# 3000 here (the PDF lays out every paragraph); test_hostile reads 20,000.
for k in $(seq 3000); do printf '{{< details "d" >}}\n\ntext\n\n'; done | post "$d/content/posts" details
build_case unclosed-details "$d" "details$loc.*flattened"

d=$(site bidi)
printf 'a \u202eabc\u202c b \u202eabc\u202c\n\n\u2067x\u2069 \u202bembedded \u202a(ltr)\u202c\u202c \u200f\n' |
  post "$d/content/posts" bidi
printf -- '---\ntitle: "t \u202eabc\u202c \u202eabc\u202c"\ndate: 2024-02-01\ntags: [t]\n---\nbody\n' >"$d/content/posts/title.md"
build_case bidi "$d" "" "epub pdf"

d=$(site weight)
echo body | post "$d/content/posts" w1 'weight: 1e300'
echo body | post "$d/content/posts" w2 'weight: .nan'
build_case weight "$d" "w1\.md:[0-9]+: warning: front matter: weight: out of range" "epub pdf" --order weight

# ---- hangs -----------------------------------------------------------------------------
d=$(site headings)
for k in $(seq 1000); do echo "## Same"; done | post "$d/content/posts" headings
build_case identical-headings "$d" "" epub

d=$(site highlights)
for k in $(seq 50000); do echo "{{< highlight go >}}"; done | post "$d/content/posts" hl
build_case unclosed-highlights "$d" "hl$loc: unterminated shortcode 'highlight'" epub

d=$(site keys)
mapfile -t keys < <(seq -f 'k%.0f: 1' 50000)
echo body | post "$d/content/posts" keys "${keys[@]}"
build_case front-matter-keys "$d" "" epub

# A post of 4.5 MB: one paragraph of 2 MB (Latin and Han words) and a code block of 50,000
# lines. PDF layout goes a window at a time, so both build well inside the timeout.
d=$(site huge)
/usr/bin/python3 - "$d/content/posts/huge.md" <<'PY'
import random, sys
random.seed(14)
words = "the scheduler runs goroutines on threads 调度器 把 goroutine 放在 线程 上 运行 while channels carry values".split()
para, size = [], 0
while size < 2_000_000:
    w = random.choice(words)
    para.append(w)
    size += len(w.encode()) + 1
code = "\n".join(f"\tx{i} := compute({i}, \"value\") // line {i}" for i in range(50_000))
with open(sys.argv[1], "w") as out:
    out.write("---\ntitle: huge\ndate: 2024-01-01\ntags: [t]\n---\n\n" + " ".join(para) +
              "\n\n```go\n" + code + "\n```\n\nThe end.\n")
PY
build_case huge-post "$d" ""
if [[ -f $work/out-huge-post.pdf ]]; then
  # The last code line is in the PDF: nothing was lost between windows.
  pdftotext -f "$(pdfinfo "$work/out-huge-post.pdf" | awk '/^Pages:/ {print $2 - 1}')" "$work/out-huge-post.pdf" - 2>/dev/null |
    grep -q "line 49999" || fail "huge-post (pdf): the last code line is missing"
fi

d=$(site fifo)
mkfifo "$d/content/posts/pipe.md" "$work/fifo-book.yaml"
build_case fifo-post "$d" "pipe\.md: warning: is a named pipe \(FIFO\)"
build_case fifo-book-yaml "$d" "fifo-book\.yaml: error: cannot read the file: is a named pipe" epub -c "$work/fifo-book.yaml"

# ---- escapes ---------------------------------------------------------------------------
d=$(site symlinks)
ln -s /etc/passwd "$d/content/posts/passwd.md"
mkdir -p "$work/outside"
echo "outside text" | post "$work/outside" away
ln -s "$work/outside" "$d/content/elsewhere"
build_case symlinks "$d" "passwd\.md: warning: a symlink that leads outside the site"
grep -q "elsewhere: warning: a symlink that leads outside" "$work/log-symlinks-epub" || fail "symlinks: folder not refused"
unzip -p "$work/out-symlinks.epub" '*.xhtml' 2>/dev/null | grep -q "root:" && fail "symlinks: /etc/passwd is in the EPUB"
unzip -p "$work/out-symlinks.epub" '*.xhtml' 2>/dev/null | grep -q "outside text" && fail "symlinks: the outside folder is in the EPUB"

d=$(site svg)
cat >"$d/content/posts/evil.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image xlink:href="file:///etc/passwd" width="5" height="5"/><use XLINK:HREF="http://evil.example/a.svg#x"/><rect width="10" height="10"/></svg>
SVG
printf '![evil](evil.svg)\n' | post "$d/content/posts" svgpost
build_case svg "$d" "" epub
if unzip -p "$work/out-svg.epub" '*.svg' 2>/dev/null | grep -qiE "passwd|evil\.example"; then fail "svg: a reference out of the SVG stayed"; fi

d=$(site undecodable)
# A PNG whose IDAT is not zlib data, and a JPEG with headers but no scan: failed figures.
/usr/bin/python3 - "$d/content/posts" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0)) + \
      chunk(b"IDAT", b"garbage!!") + chunk(b"IEND", b"")
open(sys.argv[1] + "/bad.png", "wb").write(png)
open(sys.argv[1] + "/noscan.jpg", "wb").write(bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffc0001108001000100301220002110103110100ffd9"))
PY
printf '![a](bad.png)\n\n![b](noscan.jpg)\n' | post "$d/content/posts" undecodable
build_case undecodable "$d" "bad\.png: the PNG's image data is corrupt"
for fmt in epub pdf; do
  grep -q "noscan\.jpg: a JPEG without image data" "$work/log-undecodable-$fmt" || fail "undecodable ($fmt): the JPEG is not named"
  grep -q "0 embedded, 2 failed" "$work/log-undecodable-$fmt" || fail "undecodable ($fmt): not counted as failed"
done

d=$(site overwrite)
cp "$d/content/posts/ok.md" "$work/ok-before.md"
"$folio" build "$d" -t t -o "$d/content/posts/ok.md" --format epub --offline >"$work/log-overwrite" 2>&1
rc=$?
[[ $rc -eq 1 ]] || fail "overwrite: exit $rc (expected 1)"
cmp -s "$d/content/posts/ok.md" "$work/ok-before.md" || fail "overwrite: the post was replaced"
grep -qE "ok\.md: error: the output would replace the post" "$work/log-overwrite" || fail "overwrite: no diagnostic"
"$folio" build "$d" -t t --cache "$d/.folio-cache" -o "$d/.folio-cache/book.epub" --offline >"$work/log-in-cache" 2>&1
[[ $? -eq 1 ]] || fail "output inside the cache: not refused"

# ---- signals -----------------------------------------------------------------------------
d=$(site signals)
for k in $(seq 300); do printf 'Paragraph %s with some words to lay out on a page.\n\n' "$k"; done | post "$d/content/posts" long
for sig in TERM INT KILL; do
  rm -f "$work"/sig.pdf*
  "$folio" build "$d" -t t -o "$work/sig.pdf" --offline >/dev/null 2>&1 &
  pid=$!
  # Wait until the temporary output exists, then signal mid-write.
  for _ in $(seq 200); do ls "$work" | grep -q "sig.pdf.tmp-" && break; sleep 0.02; done
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [[ $sig != KILL ]] && ls "$work" | grep -q "sig.pdf.tmp-"; then fail "SIG$sig: a temporary file was left"; fi
done
# What SIGKILL left goes at the next build.
"$folio" build "$d" -t t -o "$work/sig.pdf" --offline >/dev/null 2>&1 || fail "build after kill -9"
if ls "$work" | grep -q "sig.pdf.tmp-"; then fail "kill -9: the next build did not remove the stale temporary file"; fi

# ---- a shared cache under --refresh ------------------------------------------------------
# 60 remote figures whose bytes change on every request; two --refresh builds and two plain
# builds on one cache at once. Every build embeds all 60 (none is a placeholder), and the
# summary says so; no temporary file stays in the cache.
d=$(site refresh)
/usr/bin/python3 - "$work/port" <<'PY' &
import http.server, struct, sys, threading, zlib
count = [0]
lock = threading.Lock()
def png(width):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes([(x * 7) % 256 for x in range(width * 3)]) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, 8, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            count[0] += 1
            body = png(8 + count[0])  # new bytes on every request
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
open(sys.argv[1], "w").write(str(server.server_address[1]))
server.serve_forever()
PY
server=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.05; done
port=$(cat "$work/port")
for k in $(seq 60); do echo "![f$k](http://127.0.0.1:$port/img/$k.png)"; echo; done | post "$d/content/posts" remote
"$folio" build "$d" -t t --cache "$work/shared-cache" -o "$work/refresh-0.epub" >"$work/log-refresh-0" 2>&1 || fail "refresh: the first build failed"
builds=()
for k in 1 2 3 4; do
  flag=""
  [[ $k -le 2 ]] && flag=--refresh
  timeout -s KILL $((build_timeout * 2)) "$folio" build "$d" -t t --cache "$work/shared-cache" -o "$work/refresh-$k.epub" $flag >"$work/log-refresh-$k" 2>&1 &
  builds+=($!)
done
wait "${builds[@]}"
for k in 1 2 3 4; do
  grep -q "60 figures embedded, 0 failed" "$work/log-refresh-$k" || { fail "refresh build $k: not all 60 figures embedded"; tail -3 "$work/log-refresh-$k" >&2; }
  grep -q "warning" "$work/log-refresh-$k" && fail "refresh build $k: warnings"
  check_output "$work/refresh-$k.epub" epub "refresh build $k"
done
find "$work/shared-cache" -name '*.tmp-*' | grep -q . && fail "refresh: a temporary file was left in the cache"
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null

# ---- full disk -----------------------------------------------------------------------------
full=$work/full
mkdir -p "$full"
# 16 KiB: less than the EPUB or the PDF of this book needs.
if mount -t tmpfs -o size=16k tmpfs "$full" 2>/dev/null; then
  for fmt in epub pdf; do
    timeout -s KILL "$build_timeout" "$folio" build "$d" -t t -o "$full/book.$fmt" --offline >"$work/log-full" 2>&1
    rc=$?
    [[ $rc -eq 1 ]] || fail "full disk ($fmt): exit $rc (expected 1)"
    [[ -e $full/book.$fmt ]] && fail "full disk ($fmt): a file at the output path"
    grep -q "book.$fmt" "$work/log-full" || fail "full disk ($fmt): the diagnostic does not name the output"
    ls "$full" | grep -q "tmp-" && fail "full disk ($fmt): a temporary file was left"
  done
  umount "$full"
else
  echo "note: cannot mount a tmpfs here; the full-disk case was not run"
fi

finish "hostile builds"
