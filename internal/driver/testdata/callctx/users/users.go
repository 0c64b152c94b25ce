// Package users serves the users, and tells listeners of the changes.
package users

import (
	"net/http"

	"example.com/callctx/store"
)

// Notifier keeps the callbacks of each event in a field of its own.
type Notifier struct {
	deleted []func(id int64) error
	added   []func(id int64) error
	renamed []func(id int64) error
}

func (n *Notifier) OnDeleted(cb func(id int64) error) { n.deleted = append(n.deleted, cb) }
func (n *Notifier) OnAdded(cb func(id int64) error)   { n.added = append(n.added, cb) }
func (n *Notifier) OnRenamed(cb func(id int64) error) { n.renamed = append(n.renamed, cb) }

// FirstOnRename puts cb first, in place of the first callback: the list
// holds functions no append names.
func (n *Notifier) FirstOnRename(cb func(id int64) error) { n.renamed[0] = cb }

func (n *Notifier) fireDeleted(id int64) error {
	for _, cb := range n.deleted {
		if err := cb(id); err != nil {
			return err
		}
	}
	return nil
}

func (n *Notifier) fireAdded(id int64) error {
	for _, cb := range n.added {
		if err := cb(id); err != nil {
			return err
		}
	}
	return nil
}

func (n *Notifier) fireRenamed(id int64) {
	for _, cb := range n.renamed {
		cb(id)
	}
}

type API struct {
	S        *store.Store
	Notifier *Notifier
}

func (a *API) Delete(w http.ResponseWriter, r *http.Request) {
	a.S.DeleteUser(1)
	a.Notifier.fireDeleted(1)
}

func (a *API) Create(w http.ResponseWriter, r *http.Request) {
	id := a.S.CreateUser(r.FormValue("name"))
	a.Notifier.fireAdded(id)
}

func (a *API) Rename(w http.ResponseWriter, r *http.Request) {
	a.Notifier.fireRenamed(1)
}
