// Package middleware holds what runs around every handler.
package middleware

import "example.com/adapt/model"

// Auth looks the session up before the handler, and records the
// account's visit after it.
type Auth struct{}

func (Auth) OnRequest(deps model.Dependencies, c *model.Context) error {
	return deps.Store().Session(c.R.Context(), c.R.Header.Get("Authorization"))
}

func (Auth) OnResponse(deps model.Dependencies, c *model.Context) error {
	return deps.Store().Account(c.R.Context(), c.R.Header.Get("Account"))
}

// RequestID runs no query.
type RequestID struct{}

func (RequestID) OnRequest(deps model.Dependencies, c *model.Context) error  { return nil }
func (RequestID) OnResponse(deps model.Dependencies, c *model.Context) error { return nil }
