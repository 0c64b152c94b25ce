// Package jwt is a stub of github.com/appleboy/gin-jwt's API for the
// analyzer's tests: a middleware configured with the application's
// callbacks, which its methods call.
package jwt

import "github.com/gin-gonic/gin"

// MapClaims are a token's claims.
type MapClaims map[string]interface{}

// GinJWTMiddleware is the middleware's configuration.
type GinJWTMiddleware struct {
	Realm           string
	Key             []byte
	Authenticator   func(c *gin.Context) (interface{}, error)
	IdentityHandler func(*gin.Context) interface{}
	Authorizator    func(data interface{}, c *gin.Context) bool
}

// New checks the configuration and returns the middleware.
func New(m *GinJWTMiddleware) (*GinJWTMiddleware, error) { return m, nil }

// LoginHandler logs a user in with the Authenticator.
func (mw *GinJWTMiddleware) LoginHandler(c *gin.Context) {
	mw.Authenticator(c)
}

// MiddlewareFunc checks each request's token: IdentityHandler, then
// Authorizator.
func (mw *GinJWTMiddleware) MiddlewareFunc() gin.HandlerFunc {
	return func(c *gin.Context) {
		mw.Authorizator(mw.IdentityHandler(c), c)
	}
}

// ExtractClaims returns the request's claims.
func ExtractClaims(c *gin.Context) MapClaims { return MapClaims{} }
