// Package tonic is a stub of github.com/loopfz/gadgeto/tonic, which
// binds a gin request to a typed handler's input and renders its output.
package tonic

import "github.com/gin-gonic/gin"

// Route is a handler's route.
type Route struct{}

// Handler returns a gin handler running h, a func(*gin.Context, [*In])
// ([*Out,] error), with the request bound to In.
func Handler(h interface{}, status int, options ...func(*Route)) gin.HandlerFunc { return nil }
