package main

import (
	"net/http"
	"os"

	"example.com/joined/api"
	"example.com/joined/router"
)

func main() {
	admin := router.NewAdminWithPrefix()
	mixed := router.NewMixed()
	if len(os.Args) > 1 {
		mixed = router.NewMixedV2()
	}
	api.Register(admin, mixed)
	tested, files := router.NewTested(), router.NewFiles()
	api.RegisterMore(tested, files)
	http.Handle("/t/", tested.Mux)
	http.Handle("/files/", files.Mux)
	http.Handle("/", admin.Mux)
	http.ListenAndServe(":8080", mixed.Mux)
}
