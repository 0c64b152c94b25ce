// Package mw makes the token middlewares.
package mw

import (
	"example.com/mwfactory/store"
	"example.com/mwfactory/web"
)

type Config struct{ APITokens bool }

type source int

const (
	header source = iota
	cookie
)

// JWTByHeader reads the token from the header.
func JWTByHeader(cfg *Config) web.MiddlewareFunc {
	return jwtAuthorization(cfg, header, true)
}

// JWTByCookie reads it from the cookie, through one more factory.
func JWTByCookie(cfg *Config) web.MiddlewareFunc {
	return cookieAuth(cfg)
}

func cookieAuth(cfg *Config) web.MiddlewareFunc {
	return jwtAuthorization(cfg, cookie, false)
}

func jwtAuthorization(cfg *Config, src source, api bool) web.MiddlewareFunc {
	return func(c *web.Context) {
		if src == cookie && !api && cfg.APITokens {
			return
		}
		store.TokenRecord(c.Request.Context(), 1)
		c.Next()
	}
}

// Direct returns its closure itself.
func Direct(cfg *Config) web.MiddlewareFunc {
	return func(c *web.Context) {
		store.TokenRecord(c.Request.Context(), 2)
		c.Next()
	}
}
