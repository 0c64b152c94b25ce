module example.com/fieldhandlers

go 1.22

require github.com/go-chi/chi/v5 v5.0.0

replace github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5
