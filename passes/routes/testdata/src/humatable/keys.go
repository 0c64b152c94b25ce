package humatable

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

func init() {
	registrations = append(registrations, registerKeys)
}

func registerKeys(api huma.API) {
	huma.Register(api, huma.Operation{Method: http.MethodGet, Path: "/api/v1/keys"}, listKeys) // want `route GET /api/v1/keys .* -> humatable.authFor → humatable.listKeys: 0$` `route GET /api/v1/keys .* -> humatable.authFor → humatable.listKeys: 0$`
}
