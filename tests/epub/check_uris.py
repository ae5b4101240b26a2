#!/usr/bin/env python3
"""Every href, src and xlink:href of EPUBs, and every URI link action of PDFs, must be a
valid RFC 3986 URI reference (rfc3986, python3-rfc3986); absolute http(s) links need a host.

Usage: check_uris.py FILE.epub|FILE.pdf ...    (exit 1 and one line per bad URI)
"""
import sys
import zipfile
import xml.dom.minidom

import rfc3986
from rfc3986 import validators


def problem(uri):
    if not uri.isascii() or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in uri):
        return "characters a URI cannot hold"
    ref = rfc3986.uri_reference(uri)
    if not ref.is_valid():
        return "not an RFC 3986 URI reference"
    if ref.scheme and ref.scheme.lower() in ("http", "https"):
        try:
            validators.Validator().require_presence_of("scheme", "host").check_validity_of(
                "scheme", "host", "path", "query", "fragment").validate(ref)
        except Exception as e:  # rfc3986.exceptions.ValidationError and subclasses
            return f"invalid http URI ({type(e).__name__})"
    return None


def epub_uris(path):
    z = zipfile.ZipFile(path)
    for name in z.namelist():
        if not name.endswith((".xhtml", ".opf", ".ncx")):
            continue
        doc = xml.dom.minidom.parseString(z.read(name))
        for el in doc.getElementsByTagName("*"):
            for attr in ("href", "src", "xlink:href"):
                if el.hasAttribute(attr):
                    yield f"{name} <{el.tagName} {attr}>", el.getAttribute(attr)


def pdf_uris(path):
    import fitz  # python3-fitz
    with fitz.open(path) as doc:
        for page in doc:
            for link in page.get_links():
                if link.get("uri"):
                    yield f"page {page.number + 1}", link["uri"]


checked = bad = 0
for path in sys.argv[1:]:
    for where, uri in (pdf_uris(path) if path.endswith(".pdf") else epub_uris(path)):
        checked += 1
        why = problem(uri)
        if why:
            bad += 1
            print(f"{path}: {where}: {why}: {uri!r}", file=sys.stderr)
print(f"check_uris: {checked} URIs checked, {bad} bad")
if checked == 0:
    print("check_uris: no URI at all: nothing was checked", file=sys.stderr)
sys.exit(1 if bad or checked == 0 else 0)
