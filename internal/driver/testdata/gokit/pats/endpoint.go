package pats

import (
	"context"

	"github.com/go-kit/kit/endpoint"
)

type idReq struct{ id string }

func createPATEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.CreatePAT(request.(string))
	}
}

func retrievePATEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.RetrievePAT(request.(idReq).id)
	}
}

func deletePATEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.DeletePAT(request.(idReq).id)
	}
}

func listPATsEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.ListPATs()
	}
}

func listScopesEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.ListScopes(request.(idReq).id)
	}
}

// purgeEndpoint is made by MakeHandler but never registered.
func purgeEndpoint(svc Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return nil, svc.PurgePATs()
	}
}

// tracing is an endpoint middleware of the module's.
func tracing(name string) endpoint.Middleware {
	return func(next endpoint.Endpoint) endpoint.Endpoint {
		return func(ctx context.Context, request interface{}) (interface{}, error) {
			return next(ctx, request)
		}
	}
}

func recovering(next endpoint.Endpoint) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return next(ctx, request)
	}
}
