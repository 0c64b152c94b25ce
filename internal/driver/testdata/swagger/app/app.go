// Package app sets the generated API's handlers, as a go-swagger
// service's configure_*.go does.
package app

import (
	"example.com/swagger/restapi/operations"
	"example.com/swagger/restapi/operations/flag"
	"example.com/swagger/store"
)

func Setup(api *operations.FlagrAPI) {
	api.FlagFindFlagsHandler = flag.FindFlagsHandlerFunc(findFlags)
	api.FlagDeleteFlagHandler = flag.DeleteFlagHandlerFunc(func(p flag.DeleteFlagParams) flag.Responder {
		store.DeleteFlag(p.HTTPRequest.Context(), p.FlagID)
		return nil
	})
}

func findFlags(p flag.FindFlagsParams) flag.Responder {
	for _, id := range p.IDs {
		store.Flag(p.HTTPRequest.Context(), id)
	}
	return nil
}
