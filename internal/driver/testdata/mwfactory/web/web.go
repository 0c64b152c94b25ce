// Package web is the service's own request context.
package web

import "github.com/gin-gonic/gin"

type Context struct{ *gin.Context }

type MiddlewareFunc func(*Context)

type APIFunc func(*Context) (any, error)
