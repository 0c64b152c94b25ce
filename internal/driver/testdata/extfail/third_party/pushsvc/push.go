// Package pushsvc is a push service's client: its errors are the
// service's answers.
package pushsvc

import (
	"context"
	"errors"
	"net/http"
)

var ErrUnregistered = errors.New("pushsvc: token unregistered")

type Client struct{ HTTP *http.Client }

// Send sends one notification to the device with token.
func (c *Client) Send(ctx context.Context, token, text string) error {
	_, err := c.HTTP.Get("https://push.example.net/send?token=" + token)
	return err
}

// Deliver sends one notification and answers the service's response.
func (c *Client) Deliver(ctx context.Context, token, text string) (*http.Response, error) {
	return c.HTTP.Get("https://push.example.net/send?token=" + token)
}
