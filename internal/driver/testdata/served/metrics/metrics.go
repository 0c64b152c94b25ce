// Package metrics serves the library's counters: nothing of the module.
package metrics

import (
	"net/http"

	"example.net/joinlib"
)

func Serve() {
	server := http.Server{Handler: joinlib.Metrics(), Addr: ":9100"}
	server.ListenAndServe()
}

// ServeWith serves the handler it is given: its caller's to say.
func ServeWith(h http.Handler) {
	http.ListenAndServe(":9200", h)
}
