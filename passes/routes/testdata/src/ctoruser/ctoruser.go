// Package ctoruser registers handlers another package's constructors
// make, held in local variables, on a sub-router whose prefix chained
// calls follow (Subrouter().UseEncodedPath()).
package ctoruser

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"

	"ctorlib"
)

func Serve(db *sql.DB) {
	projectHandler := ctorlib.NewProjectHandler(db)
	router := mux.NewRouter()
	apirouter := router.PathPrefix("/api/v1alpha").Subrouter().UseEncodedPath()
	apirouter.Handle("/projects/{ref}", projectHandler).Methods("GET") // want `route GET /api/v1alpha/projects/\{ref\} \[GET /api/v1alpha/projects/\{\}\] -> ctorlib.\(\*ProjectHandler\).ServeHTTP: 1$`
	router.Handle("/direct", ctorlib.NewProjectHandler(db))            // want `route /direct \[ANY /direct\] -> ctorlib.\(\*ProjectHandler\).ServeHTTP: 1$`
	http.ListenAndServe(":8080", router)
}
