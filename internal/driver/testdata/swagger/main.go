package main

import (
	"net/http"

	"example.com/swagger/app"
	"example.com/swagger/restapi"
	"example.com/swagger/restapi/operations"
)

func main() {
	api := &operations.FlagrAPI{}
	app.Setup(api)
	http.ListenAndServe(":8080", restapi.ConfigureAPI(api))
}
