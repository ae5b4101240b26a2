module folio.local/examples

go 1.19
