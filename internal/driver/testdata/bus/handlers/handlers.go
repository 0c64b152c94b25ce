// Package handlers serves the pages: each constructor returns the
// closure a route runs, which asks the bus.
package handlers

import (
	"strconv"

	"example.com/bus/bus"
	"example.com/bus/query"
	"example.com/bus/web"
)

func Index() web.HandlerFunc {
	return func(c *web.Context) error {
		q := &query.ListPosts{}
		return bus.Dispatch(c, q)
	}
}

func Post() web.HandlerFunc {
	return func(c *web.Context) error {
		id, _ := strconv.Atoi(c.Params.ByName("id"))
		q := &query.GetPost{ID: id}
		if err := bus.Dispatch(c, q); err != nil {
			return err
		}
		bus.Publish(c, &query.PostViewed{PostID: id})
		return nil
	}
}

// Votes adds a vote per post of the form: one INSERT per item; and
// hides the posts of the form's hide list, which the store does one by
// one.
func Votes() web.HandlerFunc {
	return func(c *web.Context) error {
		for _, v := range c.Request.URL.Query()["post"] {
			id, _ := strconv.Atoi(v)
			bus.MustDispatch(c, &query.AddVote{PostID: id})
		}
		var hide []int
		for _, v := range c.Request.URL.Query()["hide"] {
			id, _ := strconv.Atoi(v)
			hide = append(hide, id)
		}
		return bus.Dispatch(c, &query.HidePosts{IDs: hide})
	}
}

// Health asks the bus nothing.
func Health() web.HandlerFunc {
	return func(c *web.Context) error { return nil }
}

// Pick sends a message whose type the call does not show (what pick
// returns): the bus runs one of the registered functions, which is not
// known here, and none is counted rather than all.
func Pick() web.HandlerFunc {
	return func(c *web.Context) error {
		return bus.Dispatch(c, pick(c))
	}
}

func pick(c *web.Context) bus.Msg {
	if c.Params.ByName("id") != "" {
		return &query.GetPost{}
	}
	return &query.ListPosts{}
}
