// Package push stands for a push service's client: a package of another
// module that imports no database package.
package push

import (
	"errors"
	"net/http"
)

var (
	ErrUnregistered = errors.New("push: token unregistered")
	ErrTemporary    = errors.New("push: try again")
)

type Message struct{ Token string }

type Client struct{}

// Send sends one message; its error says why the service refused it.
func (c *Client) Send(m *Message) error { return nil }

// Post sends one message and answers the HTTP status with the error.
func (c *Client) Post(m *Message) (int, error) { return 200, nil }

// IsUnregistered reports whether err says the token is gone for good.
func IsUnregistered(err error) bool { return errors.Is(err, ErrUnregistered) }

// Deliver sends one message and answers the service's HTTP response.
func (c *Client) Deliver(m *Message) (*http.Response, error) { return nil, nil }
