#!/usr/bin/env python3
"""One Book, both writers. make_book settles the book once (title, language, labels, cover,
links); the writers only format it. This builds examples/meetup once through the C API's
Python bindings and writes the same book handle as an EPUB and as a PDF, then checks that
both show the same title, language, contents label, cover title and external links.

Usage: same_book.py SITE OUT_DIR    (FOLIO_LIBRARY names the libfolio.so to load)
"""
import os
import re
import subprocess
import sys
import zipfile
from xml.etree import ElementTree

import fitz

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "examples", "python"))
import folio  # noqa: E402

site, out = sys.argv[1], sys.argv[2]
# Under the sanitized build, LD_PRELOAD brings the ASan runtime for libfolio into python3;
# the validators run without it.
tool_env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL: " + message, file=sys.stderr)


def same(what, epub_value, pdf_value):
    if epub_value != pdf_value:
        fail(f"{what}: the EPUB has {epub_value!r}, the PDF {pdf_value!r}")
    else:
        print(f"ok: {what}: {epub_value!r}" if not isinstance(epub_value, (set, list)) else
              f"ok: {what}: {len(epub_value)} the same")


os.makedirs(out, exist_ok=True)
with folio.Book.make(paths=[site], tags=["meetup"], figures=False) as book:
    title, language = book.title, book.language
    epub_path, pdf_path = os.path.join(out, "same.epub"), os.path.join(out, "same.pdf")
    book.write(epub_path)
    book.write(pdf_path)

# Both are valid before anything else is compared.
check = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", epub_path], capture_output=True, text=True, env=tool_env)
if "No errors or warnings detected" not in check.stdout + check.stderr:
    fail("epubcheck: " + (check.stdout + check.stderr)[-800:])
check = subprocess.run(["qpdf", "--check", pdf_path], capture_output=True, text=True, env=tool_env)
if check.returncode != 0 or "No syntax or stream encoding errors" not in check.stdout:
    fail("qpdf --check: " + (check.stdout + check.stderr)[-800:])

ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
epub = zipfile.ZipFile(epub_path)
opf = ElementTree.fromstring(epub.read("EPUB/content.opf"))
pdf = fitz.open(pdf_path)

# Title and language: the book's, in both.
same("title", opf.findtext("opf:metadata/dc:title", namespaces=ns), pdf.metadata.get("title"))
if title != opf.findtext("opf:metadata/dc:title", namespaces=ns):
    fail(f"the book's title {title!r} is not the EPUB's")
catalog = pdf.pdf_catalog()
pdf_lang = pdf.xref_get_key(catalog, "Lang")
same("language", opf.findtext("opf:metadata/dc:language", namespaces=ns),
     pdf_lang[1].strip("()") if pdf_lang[0] == "string" else pdf_lang[1])
if language != opf.findtext("opf:metadata/dc:language", namespaces=ns):
    fail(f"the book's language {language!r} is not the EPUB's")

# The contents label: the nav's heading, the PDF outline's first entry.
nav = ElementTree.fromstring(epub.read("EPUB/nav.xhtml"))
toc_nav = next(n for n in nav.iter("{%s}nav" % ns["x"])
               if n.get("{%s}type" % ns["epub"]) == "toc")
heading = next(("".join(h.itertext()).strip() for h in toc_nav if h.tag in
                ("{%s}h1" % ns["x"], "{%s}h2" % ns["x"])), None)
outline = pdf.get_toc()
same("contents label", heading, outline[0][1] if outline else None)
# The chapters, in order, in both tables of contents.
epub_chapters = ["".join(a.itertext()).strip() for a in toc_nav.findall("x:ol/x:li/x:a", ns)]
pdf_chapters = [t for level, t, _page in outline if level == 1][1:]  # after the contents entry
same("chapters", epub_chapters, pdf_chapters)

# The cover shows the book's title in both.
cover_page = epub.read("EPUB/cover.xhtml").decode()
cover_image = re.search(r'(?:xlink:)?href="([^"]+)"', cover_page.split("<svg", 1)[-1]).group(1)
cover_bytes = epub.read("EPUB/" + cover_image)
epub_cover_has_title = title.encode() in cover_bytes if cover_image.endswith(".svg") else None
pdf_cover_text = "".join(pdf[0].get_text().split())
if "".join(title.split()) not in pdf_cover_text:
    fail(f"the PDF's first page does not show the title: {pdf_cover_text[:80]!r}")
if epub_cover_has_title is False:
    fail(f"the EPUB's cover {cover_image} does not show the title")

# External links: the same targets in both.
epub_links = set()
for name in epub.namelist():
    if name.endswith(".xhtml") and name not in ("EPUB/nav.xhtml",):
        for href in re.findall(r'href="(https?://[^"]+)"', epub.read(name).decode()):
            epub_links.add(href.replace("&amp;", "&"))
pdf_links = {link["uri"] for page in pdf for link in page.get_links() if link.get("uri", "").startswith("http")}
same("external links", epub_links, pdf_links)
for only, where in ((epub_links - pdf_links, "the EPUB"), (pdf_links - epub_links, "the PDF")):
    for href in sorted(only)[:5]:
        print(f"  only in {where}: {href}", file=sys.stderr)
sys.exit(1 if failures else 0)
