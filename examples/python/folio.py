"""ctypes bindings for libfolio's C API (include/folio/folio.h).

    import folio
    book = folio.Book.make(paths=["examples/meetup"], tags=["meetup"])
    book.write("meetup.epub")
    pdf_bytes = book.to_bytes("pdf")

The library is found through $FOLIO_LIBRARY (a path to libfolio.so), else the
system's library path. Diagnostics go to a callable (default: printed to stderr).
"""
import ctypes
import ctypes.util
import os
import sys

OK, ERROR, USAGE, NO_MEMORY, INTERNAL = range(5)
NOTE, WARNING, SEVERITY_ERROR = range(3)
FORMATS = {"epub": 0, "pdf": 1}
NOW = -(2**63)  # FOLIO_NOW: SOURCE_DATE_EPOCH when set, else the clock


def _load():
    path = os.environ.get("FOLIO_LIBRARY") or ctypes.util.find_library("folio")
    if not path:
        raise OSError("libfolio not found: set FOLIO_LIBRARY to the path of libfolio.so")
    lib = ctypes.CDLL(path)
    c, p, sz, i64 = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int64
    sigs = {
        "folio_version": (c, []),
        "folio_config_new": (p, []),
        "folio_config_load": (ctypes.c_int, [c, DIAGNOSTIC_FN, p, ctypes.POINTER(p)]),
        "folio_config_free": (None, [p]),
        "folio_config_add_path": (ctypes.c_int, [p, c]),
        "folio_config_add_tag": (ctypes.c_int, [p, c]),
        "folio_config_set": (ctypes.c_int, [p, c, c]),
        "folio_book_make": (ctypes.c_int, [p, i64, ctypes.c_int, DIAGNOSTIC_FN, p, ctypes.POINTER(p)]),
        "folio_book_from_markdown": (ctypes.c_int, [c, sz, c, p, ctypes.c_int, DIAGNOSTIC_FN, p, ctypes.POINTER(p)]),
        "folio_book_free": (None, [p]),
        "folio_book_title": (c, [p]),
        "folio_book_language": (c, [p]),
        "folio_book_chapter_count": (sz, [p]),
        "folio_book_chapter_title": (c, [p, sz]),
        "folio_book_chapter_path": (c, [p, sz]),
        "folio_book_chapter_date": (c, [p, sz]),
        "folio_book_write_file": (ctypes.c_int, [p, ctypes.c_int, c, DIAGNOSTIC_FN, p]),
        "folio_book_write_buffer": (ctypes.c_int, [p, ctypes.c_int, DIAGNOSTIC_FN, p,
                                                   ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
                                                   ctypes.POINTER(sz)]),
        "folio_free": (None, [p]),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


DIAGNOSTIC_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32,
                                 ctypes.c_uint32, ctypes.c_char_p, ctypes.c_char_p)
_lib = _load()


class FolioError(Exception):
    """A call failed; .status is the folio_status, .diagnostics what was reported."""

    def __init__(self, what, status, diagnostics):
        super().__init__(f"{what} failed (status {status})" + "".join("\n  " + d for d in diagnostics))
        self.status = status
        self.diagnostics = diagnostics


def _enc(s):
    return s.encode("utf-8") if isinstance(s, str) else s


def version():
    return _lib.folio_version().decode()


class _Sink:
    """Collects diagnostics for one call and forwards them to the user's callable."""

    def __init__(self, on_diagnostic):
        self.lines = []
        self.on_diagnostic = on_diagnostic

        def forward(_user, severity, _file, _line, _column, _message, formatted):
            text = formatted.decode("utf-8", "replace")
            self.lines.append(text)
            if self.on_diagnostic:
                self.on_diagnostic(severity, text)

        self.fn = DIAGNOSTIC_FN(forward)  # kept alive for the duration of the call


def _print_diagnostic(_severity, text):
    print(text, file=sys.stderr)


class Book:
    """A read book (chapters, metadata), ready to be written any number of times."""

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def make(cls, paths=(), tags=(), config=None, options=None, figures=True, now=NOW,
             on_diagnostic=_print_diagnostic):
        """Builds from PATHS (and book.yaml `config`), selecting `tags`; `options` are
        book.yaml keys folio_config_set understands ({"order": "date-desc"})."""
        sink = _Sink(on_diagnostic)
        handle = ctypes.c_void_p()
        if config:
            st = _lib.folio_config_load(_enc(os.fspath(config)), sink.fn, None, ctypes.byref(handle))
            if st != OK:
                raise FolioError("reading " + os.fspath(config), st, sink.lines)
            cfg = handle.value
        else:
            cfg = _lib.folio_config_new()
        try:
            for path in paths:
                _check(_lib.folio_config_add_path(cfg, _enc(os.fspath(path))), "path " + str(path), sink)
            for tag in tags:
                _check(_lib.folio_config_add_tag(cfg, _enc(tag)), "tag " + tag, sink)
            for key, value in (options or {}).items():
                if isinstance(value, bool):
                    value = "true" if value else "false"
                _check(_lib.folio_config_set(cfg, _enc(key), _enc(str(value))), f"option {key}", sink)
            book = ctypes.c_void_p()
            st = _lib.folio_book_make(cfg, now, int(figures), sink.fn, None, ctypes.byref(book))
            if book.value is None:
                raise FolioError("building the book", st, sink.lines)
            result = cls(book.value)
            if st != OK:
                result.close()
                raise FolioError("building the book", st, sink.lines)
            return result
        finally:
            _lib.folio_config_free(cfg)

    def close(self):
        if self._handle:
            _lib.folio_book_free(self._handle)
            self._handle = None

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def title(self):
        return _lib.folio_book_title(self._handle).decode()

    @property
    def language(self):
        return _lib.folio_book_language(self._handle).decode()

    @property
    def chapters(self):
        """[(date, title, path)] in book order."""
        n = _lib.folio_book_chapter_count(self._handle)
        return [(_lib.folio_book_chapter_date(self._handle, i).decode(),
                 _lib.folio_book_chapter_title(self._handle, i).decode(),
                 _lib.folio_book_chapter_path(self._handle, i).decode()) for i in range(n)]

    def write(self, path, format=None, on_diagnostic=_print_diagnostic):
        """Writes to `path`; the format comes from its extension unless given."""
        path = os.fspath(path)
        fmt = format or os.path.splitext(path)[1].lstrip(".").lower()
        sink = _Sink(on_diagnostic)
        _check(_lib.folio_book_write_file(self._handle, FORMATS[fmt], _enc(path), sink.fn, None), "writing " + path,
               sink)

    def to_bytes(self, format, on_diagnostic=_print_diagnostic):
        """The book as EPUB or PDF bytes."""
        sink = _Sink(on_diagnostic)
        data = ctypes.POINTER(ctypes.c_ubyte)()
        size = ctypes.c_size_t()
        st = _lib.folio_book_write_buffer(self._handle, FORMATS[format], sink.fn, None, ctypes.byref(data),
                                          ctypes.byref(size))
        try:
            _check(st, "writing " + format, sink)
            return ctypes.string_at(data, size.value)
        finally:
            _lib.folio_free(data)


def _check(status, what, sink):
    if status != OK:
        raise FolioError(what, status, sink.lines)
