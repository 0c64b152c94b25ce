package nethttp

import "net/http"

// Install registers through whatever registration its caller hands it
// (mux.Handle, or a router's own Handle), as pkgsite's servers do: each
// call of the parameter is a route of its pattern.
func (h *H) Install(handle func(string, http.Handler)) {
	handle("GET /installed/{id}", http.HandlerFunc(h.get)) // want `route GET /installed/\{id\} \[GET /installed/\{\}\] -> nethttp.\(\*H\).get: 2$`
	handle("/installed", h.auth(h.list))                   // want `route /installed \[ANY /installed\] -> nethttp.\(\*H\).auth → nethttp.\(\*H\).list: 2$`
}

// InstallFuncs takes a HandleFunc-shaped registration.
func (h *H) InstallFuncs(handleFunc func(pattern string, f func(http.ResponseWriter, *http.Request))) {
	handleFunc("POST /installed", h.save) // want `route POST /installed \[POST /installed\] -> nethttp.\(\*H\).save: 2$`
}

// Notify calls a parameter of another shape: no route.
func (h *H) Notify(send func(topic string, n int)) {
	send("/installed", 1)
}

func installAll(h *H) {
	mux := http.NewServeMux()
	h.Install(mux.Handle)
	h.InstallFuncs(mux.HandleFunc)
	h.Notify(func(string, int) {})
}
