// Stub of github.com/fasthttp/router (signatures mirror v1.5.4; bodies are placeholders).

package router

import "github.com/valyala/fasthttp"

func (g *Group) Group(path string) *Group { panic("stub") }

func (g *Group) GET(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) HEAD(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) POST(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) PUT(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) PATCH(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) DELETE(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) CONNECT(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) OPTIONS(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) TRACE(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) ANY(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (g *Group) Handle(method, path string, handler fasthttp.RequestHandler) { panic("stub") }
