// Package client sends requests built like routes: a method and a path
// that no router registers.
package client

import "net/http"

// Request is a method and a path to call.
type Request struct {
	Verb string
	Tpl  string
}

func Get(tpl string) *Request  { return &Request{Verb: "GET", Tpl: tpl} }
func Post(tpl string) *Request { return &Request{Verb: "POST", Tpl: tpl} }

// Do sends each request.
func Do(c *http.Client, reqs ...*Request) {
	for _, r := range reqs {
		req, _ := http.NewRequest(r.Verb, "http://remote"+r.Tpl, nil)
		c.Do(req)
	}
}
