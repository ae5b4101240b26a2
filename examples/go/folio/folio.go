// Package folio builds EPUB 3 and PDF books from Hugo-style Markdown posts through
// libfolio's C API (include/folio/folio.h). The library is found with pkg-config
// (`folio.pc`, installed by `cmake --install`).
//
//	book, err := folio.Build(folio.Options{Paths: []string{"site"}, Tags: []string{"meetup"}})
//	if err != nil { ... }
//	defer book.Close()
//	err = book.WriteFile("meetup.epub")
package folio

/*
#cgo pkg-config: folio
#include <stdlib.h>
#include <folio/folio.h>

extern void folioGoDiagnostic(void* user, folio_severity severity, char* file, uint32_t line, uint32_t column,
                              char* message, char* formatted);

// cgo cannot take the address of a Go function with const parameters; this shim can.
static void folio_go_forward(void* user, folio_severity severity, const char* file, uint32_t line, uint32_t column,
                             const char* message, const char* formatted) {
  folioGoDiagnostic(user, severity, (char*)file, line, column, (char*)message, (char*)formatted);
}
static folio_diagnostic_fn folio_go_sink(void) { return folio_go_forward; }
*/
import "C"

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/cgo"
	"strings"
	"unsafe"
)

// Severity of a diagnostic.
type Severity int

const (
	Note Severity = iota
	Warning
	Error
)

// Diagnostic is one problem folio reported, with its place.
type Diagnostic struct {
	Severity     Severity
	File         string
	Line, Column uint32
	Message      string
	Formatted    string // "file:line:col: severity: message"
}

// Format is an output format.
type Format int

const (
	EPUB Format = C.FOLIO_FORMAT_EPUB
	PDF  Format = C.FOLIO_FORMAT_PDF
)

// Options says what to build.
type Options struct {
	Config   string            // a book.yaml to read first (optional)
	Paths    []string          // site roots, content folders or Markdown files
	Tags     []string          // select posts with any of these tags
	Settings map[string]string // book.yaml keys folio_config_set knows: "title", "order", "pdf.page", ...
	Figures  bool              // fetch and embed figures
	// OnDiagnostic sees every diagnostic as it is reported (may be nil).
	OnDiagnostic func(Diagnostic)
}

// BuildError is returned when folio reported errors; it carries what was said.
type BuildError struct {
	What        string
	Status      int
	Diagnostics []Diagnostic
}

func (e *BuildError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "folio: %s failed (status %d)", e.What, e.Status)
	for _, d := range e.Diagnostics {
		b.WriteString("\n  " + d.Formatted)
	}
	return b.String()
}

type sink struct {
	seen    []Diagnostic
	forward func(Diagnostic)
}

//export folioGoDiagnostic
func folioGoDiagnostic(user unsafe.Pointer, severity C.folio_severity, file *C.char, line, column C.uint32_t,
	message, formatted *C.char) {
	s := cgo.Handle(uintptr(user)).Value().(*sink)
	d := Diagnostic{Severity(severity), C.GoString(file), uint32(line), uint32(column), C.GoString(message),
		C.GoString(formatted)}
	s.seen = append(s.seen, d)
	if s.forward != nil {
		s.forward(d)
	}
}

// call runs fn with a diagnostics sink and turns a failed status into a *BuildError.
func call(what string, forward func(Diagnostic), fn func(C.folio_diagnostic_fn, unsafe.Pointer) C.folio_status) error {
	s := &sink{forward: forward}
	h := cgo.NewHandle(s)
	defer h.Delete()
	st := fn(C.folio_go_sink(), unsafe.Pointer(uintptr(h)))
	if st != C.FOLIO_OK {
		return &BuildError{what, int(st), s.seen}
	}
	return nil
}

func cstr(s string) *C.char { return C.CString(s) }

// Book is a read book, ready to be written any number of times. Close frees it.
type Book struct {
	handle   *C.folio_book
	onReport func(Diagnostic)
}

// Version is libfolio's version.
func Version() string { return C.GoString(C.folio_version()) }

// Build scans, selects and reads the book that opts describes.
func Build(opts Options) (*Book, error) {
	var cfg *C.folio_config
	if opts.Config != "" {
		p := cstr(opts.Config)
		defer C.free(unsafe.Pointer(p))
		err := call("reading "+opts.Config, opts.OnDiagnostic, func(fn C.folio_diagnostic_fn, u unsafe.Pointer) C.folio_status {
			return C.folio_config_load(p, fn, u, &cfg)
		})
		if err != nil {
			return nil, err
		}
	} else if cfg = C.folio_config_new(); cfg == nil {
		return nil, errors.New("folio: out of memory")
	}
	defer C.folio_config_free(cfg)
	set := func(what string, st C.folio_status) error {
		if st != C.FOLIO_OK {
			return &BuildError{What: what, Status: int(st)}
		}
		return nil
	}
	for _, path := range opts.Paths {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		p := cstr(abs)
		err = set("path "+path, C.folio_config_add_path(cfg, p))
		C.free(unsafe.Pointer(p))
		if err != nil {
			return nil, err
		}
	}
	for _, tag := range opts.Tags {
		t := cstr(tag)
		err := set("tag "+tag, C.folio_config_add_tag(cfg, t))
		C.free(unsafe.Pointer(t))
		if err != nil {
			return nil, err
		}
	}
	for key, value := range opts.Settings {
		k, v := cstr(key), cstr(value)
		err := set("setting "+key, C.folio_config_set(cfg, k, v))
		C.free(unsafe.Pointer(k))
		C.free(unsafe.Pointer(v))
		if err != nil {
			return nil, err
		}
	}
	figures := C.int(0)
	if opts.Figures {
		figures = 1
	}
	var handle *C.folio_book
	err := call("building the book", opts.OnDiagnostic, func(fn C.folio_diagnostic_fn, u unsafe.Pointer) C.folio_status {
		return C.folio_book_make(cfg, C.int64_t(C.FOLIO_NOW), figures, fn, u, &handle)
	})
	if err != nil {
		if handle != nil {
			C.folio_book_free(handle)
		}
		return nil, err
	}
	return &Book{handle, opts.OnDiagnostic}, nil
}

// Close frees the book.
func (b *Book) Close() {
	if b.handle != nil {
		C.folio_book_free(b.handle)
		b.handle = nil
	}
}

// Title is the book's settled title.
func (b *Book) Title() string { return C.GoString(C.folio_book_title(b.handle)) }

// Language is the book's BCP 47 language tag.
func (b *Book) Language() string { return C.GoString(C.folio_book_language(b.handle)) }

// Chapter is one post of the book.
type Chapter struct{ Date, Title, Path string }

// Chapters in book order.
func (b *Book) Chapters() []Chapter {
	n := int(C.folio_book_chapter_count(b.handle))
	out := make([]Chapter, 0, n)
	for i := 0; i < n; i++ {
		ci := C.size_t(i)
		out = append(out, Chapter{C.GoString(C.folio_book_chapter_date(b.handle, ci)),
			C.GoString(C.folio_book_chapter_title(b.handle, ci)), C.GoString(C.folio_book_chapter_path(b.handle, ci))})
	}
	return out
}

// WriteFile writes the book; the format comes from the extension (.epub or .pdf).
func (b *Book) WriteFile(path string) error {
	format := EPUB
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		format = PDF
	}
	p := cstr(path)
	defer C.free(unsafe.Pointer(p))
	return call("writing "+path, b.onReport, func(fn C.folio_diagnostic_fn, u unsafe.Pointer) C.folio_status {
		return C.folio_book_write_file(b.handle, C.folio_format(format), p, fn, u)
	})
}

// Bytes is the book as EPUB or PDF bytes.
func (b *Book) Bytes(format Format) ([]byte, error) {
	var data *C.uchar
	var size C.size_t
	err := call("writing to memory", b.onReport, func(fn C.folio_diagnostic_fn, u unsafe.Pointer) C.folio_status {
		return C.folio_book_write_buffer(b.handle, C.folio_format(format), fn, u, &data, &size)
	})
	if err != nil {
		return nil, err
	}
	defer C.folio_free(unsafe.Pointer(data))
	return C.GoBytes(unsafe.Pointer(data), C.int(size)), nil
}
