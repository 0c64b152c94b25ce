// Stub of github.com/redis/go-redis/v9 (the few signatures tests use,
// as v9 spells them; bodies are placeholders).

package redis

import (
	"context"
	"time"
)

type RedisError string

func (e RedisError) Error() string { return string(e) }

// Nil is the reply of a key that does not exist.
const Nil = RedisError("redis: nil")

type Options struct{ Addr string }

type Client struct{}

func NewClient(opt *Options) *Client { panic("stub") }

type StringCmd struct{}

func (cmd *StringCmd) Val() string                { panic("stub") }
func (cmd *StringCmd) Err() error                 { panic("stub") }
func (cmd *StringCmd) Result() (string, error)    { panic("stub") }
func (cmd *StringCmd) Bytes() ([]byte, error)     { panic("stub") }
func (cmd *StringCmd) Int64() (int64, error)      { panic("stub") }
func (cmd *StringCmd) Scan(val interface{}) error { panic("stub") }

type StatusCmd struct{}

func (cmd *StatusCmd) Err() error              { panic("stub") }
func (cmd *StatusCmd) Result() (string, error) { panic("stub") }

type BoolCmd struct{}

func (cmd *BoolCmd) Err() error { panic("stub") }

type IntCmd struct{}

func (cmd *IntCmd) Err() error { panic("stub") }

type Cmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	SetEx(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd
	Del(ctx context.Context, keys ...string) *IntCmd
}

func (c *Client) Get(ctx context.Context, key string) *StringCmd { panic("stub") }
func (c *Client) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	panic("stub")
}
func (c *Client) SetEx(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	panic("stub")
}
func (c *Client) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	panic("stub")
}
func (c *Client) Del(ctx context.Context, keys ...string) *IntCmd { panic("stub") }
