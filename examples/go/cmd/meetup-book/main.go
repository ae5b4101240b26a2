// meetup-book builds a tag's posts into an EPUB and a PDF with the folio Go package.
//
//	meetup-book -tag meetup -out /tmp examples/meetup
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"folio.local/examples/folio"
)

func main() {
	tag := flag.String("tag", "meetup", "select posts with this tag")
	out := flag.String("out", ".", "folder for meetup-go.epub and meetup-go.pdf")
	flag.Parse()
	book, err := folio.Build(folio.Options{
		Paths:        flag.Args(),
		Tags:         []string{*tag},
		OnDiagnostic: func(d folio.Diagnostic) { fmt.Fprintln(os.Stderr, d.Formatted) },
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer book.Close()
	fmt.Printf("folio %s: %s (%s), %d chapters\n", folio.Version(), book.Title(), book.Language(), len(book.Chapters()))
	for _, c := range book.Chapters() {
		fmt.Printf("  %s  %s\n", c.Date, c.Title)
	}
	if err := book.WriteFile(filepath.Join(*out, "meetup-go.epub")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pdf, err := book.Bytes(folio.PDF)
	if err == nil {
		err = os.WriteFile(filepath.Join(*out, "meetup-go.pdf"), pdf, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote meetup-go.epub and meetup-go.pdf (%d bytes)\n", len(pdf))
}
