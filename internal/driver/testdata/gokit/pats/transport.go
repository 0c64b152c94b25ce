package pats

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/go-kit/kit/endpoint"
	kithttp "github.com/go-kit/kit/transport/http"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// MakeHandler registers the service's routes, as magistrala's do.
func MakeHandler(svc Service, owners Repository) http.Handler {
	opts := []kithttp.ServerOption{kithttp.ServerErrorEncoder(encodeError)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /pats", kithttp.NewServer(createPATEndpoint(svc), decodeCreate, encodeResponse, opts...).ServeHTTP)
	mux.HandleFunc("GET /pats/{id}", kithttp.NewServer(retrievePATEndpoint(svc), decodeID, encodeResponse, opts...).ServeHTTP)
	// The decoder queries: it runs per request too.
	mux.HandleFunc("DELETE /pats/{id}", kithttp.NewServer(deletePATEndpoint(svc), authDecoder(owners), encodeResponse, opts...).ServeHTTP)
	// The endpoint through a chain of endpoint middlewares.
	mux.HandleFunc("GET /pats", kithttp.NewServer(endpoint.Chain(tracing("list"), recovering)(listPATsEndpoint(svc)), decodeNone, encodeResponse, opts...).ServeHTTP)
	// The handler wrapped by otelhttp, registered as a value and as a
	// method value of the wrapped handler.
	mux.Handle("GET /pats/{id}/scopes", otelhttp.NewHandler(kithttp.NewServer(listScopesEndpoint(svc), decodeID, encodeResponse, opts...), "list_scopes"))
	mux.HandleFunc("GET /scopes/{id}", otelhttp.NewHandler(kithttp.NewServer(listScopesEndpoint(svc), decodeID, encodeResponse, opts...), "scopes").ServeHTTP)
	// A server assigned once, its method registered.
	srv := kithttp.NewServer(retrievePATEndpoint(svc), decodeID, encodeResponse)
	mux.HandleFunc("GET /pat/{id}", srv.ServeHTTP)
	// Made, never registered: runs nowhere.
	_ = kithttp.NewServer(purgeEndpoint(svc), decodeNone, encodeResponse)
	mux.HandleFunc("GET /health", health)
	return mux
}

func health(w http.ResponseWriter, r *http.Request) {}

func decodeCreate(_ context.Context, r *http.Request) (interface{}, error) {
	var name string
	err := json.NewDecoder(r.Body).Decode(&name)
	return name, err
}

func decodeID(_ context.Context, r *http.Request) (interface{}, error) {
	return idReq{id: r.PathValue("id")}, nil
}

func decodeNone(_ context.Context, r *http.Request) (interface{}, error) {
	return nil, nil
}

// authDecoder checks the caller's token while decoding.
func authDecoder(owners Repository) kithttp.DecodeRequestFunc {
	return func(_ context.Context, r *http.Request) (interface{}, error) {
		owners.Owner(r.Header.Get("Authorization"))
		return idReq{id: r.PathValue("id")}, nil
	}
}

func encodeResponse(_ context.Context, w http.ResponseWriter, resp interface{}) error {
	return json.NewEncoder(w).Encode(resp)
}

func encodeError(_ context.Context, err error, w http.ResponseWriter) {
	w.WriteHeader(http.StatusInternalServerError)
}
