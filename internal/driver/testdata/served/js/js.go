// Package js serves a join server: the library's handler, made from the
// module's functions, wrapped in the module's own metrics.
package js

import (
	"net/http"
	"os"

	"example.com/served/store"
	"example.net/joinlib"
)

func Setup(bind string) error {
	handler, err := getHandler()
	if err != nil {
		return err
	}
	server := http.Server{Handler: handler, Addr: bind}
	if os.Getenv("TLS_CERT") == "" {
		go func() {
			server.ListenAndServe()
		}()
		return nil
	}
	go func() {
		server.ListenAndServeTLS(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY"))
	}()
	return nil
}

func getHandler() (http.Handler, error) {
	conf := joinlib.HandlerConfig{
		Name: "js",
		GetKeysFunc: func(id string) (string, error) {
			return store.GetKeys(id)
		},
		GetHomeFunc: func(id string) (string, error) {
			return store.GetHome(id)
		},
	}
	h, err := joinlib.NewHandler(conf)
	if err != nil {
		return nil, err
	}
	return &timing{handler: h}, nil
}

type timing struct{ handler http.Handler }

func (t *timing) ServeHTTP(w http.ResponseWriter, r *http.Request) { t.handler.ServeHTTP(w, r) }

// SetupLocal serves the join server on a fixed address too.
func SetupLocal() {
	h, _ := getHandler()
	http.ListenAndServe("localhost:8004", h)
}
