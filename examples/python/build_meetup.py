#!/usr/bin/env python3
"""Builds examples/meetup into an EPUB and a PDF through libfolio's C API (ctypes).

    FOLIO_LIBRARY=build/libfolio.so python3 examples/python/build_meetup.py [SITE] [OUT_DIR]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import folio  # noqa: E402

site = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "meetup")
out = sys.argv[2] if len(sys.argv) > 2 else "."

with folio.Book.make(paths=[site], tags=["meetup"], figures=False) as book:
    print(f"folio {folio.version()}: {book.title} ({book.language}), {len(book.chapters)} chapters")
    for date, title, _path in book.chapters:
        print(f"  {date}  {title}")
    book.write(os.path.join(out, "meetup-python.epub"))
    pdf = book.to_bytes("pdf")
    with open(os.path.join(out, "meetup-python.pdf"), "wb") as f:
        f.write(pdf)
    print(f"wrote meetup-python.epub and meetup-python.pdf ({len(pdf)} bytes)")
