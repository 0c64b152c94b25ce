package restapi

import (
	"net/http"

	"example.com/swagger/restapi/operations"
)

// ConfigureAPI is the API's handler: go-openapi's router serves its
// operations under the spec's basePath.
func ConfigureAPI(api *operations.FlagrAPI) http.Handler {
	return setupGlobalMiddleware(api.Serve())
}

func setupGlobalMiddleware(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
	})
}
