// Package shaped holds routers known by their shape, and look-alikes
// that are none. Each method is followed by what Shaped reads of it.
package shaped

import "io"

type Event struct{}

type Handler struct{ Func func(*Event) error }

type Route struct{}

func (r *Route) Bind(mws ...*Handler) *Route { return r } // -

type Group struct{}

func (g *Group) GET(path string, h func(*Event) error) *Route                            { return nil } // route GET
func (g *Group) Post(path string, h func(*Event) error) *Route                           { return nil } // route POST
func (g *Group) PUT(path string, h func(*Event) error, mws ...func(*Event) error) *Route { return nil } // route PUT mws
func (g *Group) DELETE(path string, hs ...func(*Event) error) *Route                     { return nil } // route DELETE chain
func (g *Group) Any(path string, h func(*Event) error) *Route                            { return nil } // route ANY
func (g *Group) Route(method, path string, h func(*Event) error) *Route                  { return nil } // route method-arg
func (g *Group) Handle(pattern string, h func(*Event) error)                             {}             // route pattern
func (g *Group) Group(prefix string) *Group                                              { return g }   // group
func (g *Group) SubGroup(prefix string, mws ...func(*Event) error) *Group                { return g }   // group mws
func (g *Group) Mount(prefix string, fn func(*Group))                                    {}             // -
func (g *Group) Scope(prefix string, fn func(*Group))                                    {}             // routefn
func (g *Group) Bind(mws ...*Handler) *Group                                             { return g }   // use
func (g *Group) Use(mws ...func(*Event) error)                                           {}             // use
func (g *Group) With(mws ...func(*Event) error) *Group                                   { return g }   // with
func (g *Group) Unbind(ids ...string) *Group                                             { return g }   // fluent
func (g *Group) Host(host string) *Group                                                 { return g }   // -
func (g *Group) Get2(path string, h func(*Event) error) *Route                           { return nil } // -

func NewGroup() *Group               { return nil } // new
func NewChild(parent *Group) *Group  { return nil } // -
func Wrap(g *Group, s string) *Group { return g }   // -

// Client's verbs take a URL and a body: no handler function.
type Client struct{}

func (c *Client) Get(url string) (string, error)                   { return "", nil } // -
func (c *Client) Post(url string, body io.Reader) (string, error)  { return "", nil } // -
func (c *Client) Put(url string, body io.Reader) (string, error)   { return "", nil } // -
func (c *Client) Patch(url string, body io.Reader) (string, error) { return "", nil } // -
func (c *Client) Group(prefix string) *Client                      { return c }       // -

// Cache's take a key.
type Cache struct{}

func (c *Cache) Get(key string) (string, bool) { return "", false } // -
func (c *Cache) Put(key, v string)             {}                   // -
func (c *Cache) Delete(key string)             {}                   // -

// Watchers' take callbacks of no argument: no request to handle.
type Watchers struct{}

func (w *Watchers) Get(key string, f func())  {} // -
func (w *Watchers) Post(key string, f func()) {} // -
func (w *Watchers) Put(key string, f func())  {} // -

// Mixed has three verbs, of three handler types: none shared by three.
type Mixed struct{}

func (m *Mixed) GET(path string, h func(*Event) error) {} // -
func (m *Mixed) POST(path string, h func(*Event))      {} // -
func (m *Mixed) PUT(path string, h func(int) error)    {} // -
