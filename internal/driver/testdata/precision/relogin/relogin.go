// Package relogin uploads parts through storage drivers whose request
// logs in again when the session expired, and whose login asks through
// that same request: request and login call each other. The token's save
// (and the setting a captcha login reads) runs only when an attempt
// failed, not once per part; so does the refresh of a driver that tells
// its failures apart by their code and asks again after the switch. A
// request that logs every call, a tree walked by two functions calling
// each other, and a loop that logs every driver in run once per item.
package relogin

import (
	"context"
	"net/http"
	"strings"

	"example.com/precision/relogin/tokens"
)

// Driver stores parts.
type Driver interface {
	Put(ctx context.Context, part string) error
}

func send(url string) (int, string) { return len(url), url }

// session logs in through its own request, and saves the token.
type session struct {
	st    *tokens.Store
	id    int64
	token string
}

func (d *session) login(ctx context.Context) error {
	_, tok, err := d.request(ctx, "/login", true)
	if err != nil {
		return err
	}
	d.token = tok
	return d.st.Save(ctx, d.id, d.token)
}

func (d *session) request(ctx context.Context, url string, retry ...bool) (int, string, error) {
	code, body := send(url)
	if code == 401 && len(retry) == 0 {
		err := d.login(ctx)
		if err != nil {
			return 0, "", err
		}
		return d.request(ctx, url, true)
	}
	return code, body, nil
}

func (d *session) Put(ctx context.Context, part string) error {
	_, _, err := d.request(ctx, "/put/"+part)
	return err
}

// captcha logs in in two steps, the second reading a setting; both ask
// through request.
type captcha struct {
	st    *tokens.Store
	id    int64
	token string
}

func (d *captcha) request(ctx context.Context, path string, out *string) error {
	code, body := send(path)
	if code == 401 && path != "/login" {
		if err := d.login(ctx); err != nil {
			return err
		}
		return d.request(ctx, path, out)
	}
	*out = body
	return nil
}

func (d *captcha) login(ctx context.Context) error {
	var cfg string
	if err := d.request(ctx, "/config", &cfg); err != nil {
		return err
	}
	if err := d.solve(ctx, cfg != ""); err != nil {
		return err
	}
	return d.st.Save(ctx, d.id, d.token)
}

func (d *captcha) solve(ctx context.Context, need bool) error {
	if need {
		var img string
		if err := d.request(ctx, "/captcha", &img); err != nil {
			return err
		}
		send(d.st.Setting(ctx, "ocr_api") + img)
	}
	return d.request(ctx, "/login", &d.token)
}

func (d *captcha) Put(ctx context.Context, part string) error {
	var out string
	return d.request(ctx, "/put/"+part, &out)
}

// audited logs every request before it is sent, and logs in through it.
type audited struct {
	st *tokens.Store
	id int64
}

func (d *audited) login(ctx context.Context) error {
	tok, err := d.request(ctx, "/login", true)
	if err != nil {
		return err
	}
	return d.st.Save(ctx, d.id, tok)
}

func (d *audited) request(ctx context.Context, url string, retry ...bool) (string, error) {
	if err := d.st.Log(ctx, url); err != nil {
		return "", err
	}
	code, body := send(url)
	if code == 401 && len(retry) == 0 {
		if err := d.login(ctx); err != nil {
			return "", err
		}
		return d.request(ctx, url, retry...)
	}
	return body, nil
}

func (d *audited) Put(ctx context.Context, part string) error {
	_, err := d.request(ctx, "/put/"+part)
	return err
}

// coded tells its failures apart by the code they carry: a refresh
// handed in as a func field mends one, then the request is made again
// after the switch.
type coded struct {
	st      *tokens.Store
	id      int64
	refresh func(ctx context.Context) error
}

type codeErr struct{ code int }

func (e *codeErr) Error() string { return "failed" }

func (d *coded) request(ctx context.Context, url string) (string, error) {
	code, body := send(url)
	var err error = &codeErr{code}
	ce, ok := err.(*codeErr)
	if !ok {
		return "", err
	}
	switch ce.code {
	case 0:
		return body, nil
	case 401:
		if err = d.refresh(ctx); err == nil {
			break
		}
		return "", err
	default:
		return "", err
	}
	return d.request(ctx, url)
}

func (d *coded) Put(ctx context.Context, part string) error {
	_, err := d.request(ctx, "/put/"+part)
	return err
}

func newCoded(st *tokens.Store) *coded {
	d := &coded{st: st}
	d.refresh = func(ctx context.Context) error { return d.st.Save(ctx, d.id, "fresh") }
	return d
}

// tree marks every node of a part's tree: walk and children call each
// other over the data.
type tree struct{ st *tokens.Store }

type node struct {
	name string
	kids []*node
}

func (d *tree) walk(ctx context.Context, n *node) error {
	if err := d.st.Mark(ctx, n.name); err != nil {
		return err
	}
	return d.children(ctx, n)
}

func (d *tree) children(ctx context.Context, n *node) error {
	for _, k := range n.kids {
		if err := d.walk(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

func (d *tree) Put(ctx context.Context, part string) error {
	n := &node{name: part}
	for _, s := range strings.Split(part, "/") {
		n.kids = append(n.kids, &node{name: s})
	}
	return d.walk(ctx, n)
}

func Routes(st *tokens.Store) {
	s := &session{st: st}
	c := &captcha{st: st}
	k := newCoded(st)
	drivers := map[string]Driver{"session": s, "captcha": c, "audited": &audited{st: st}, "tree": &tree{st: st}, "coded": k}
	http.HandleFunc("/relogin/upload", func(w http.ResponseWriter, r *http.Request) {
		d := drivers[r.FormValue("driver")]
		for _, p := range r.Form["part"] {
			d.Put(r.Context(), p) // the audited log and the tree's marks; the saves, the setting and the coded refresh mend a failed attempt
		}
	})
	http.HandleFunc("/relogin/sync", func(w http.ResponseWriter, r *http.Request) {
		for _, p := range r.Form["part"] {
			s.Put(r.Context(), p) // silent, counted: the save mends a failed attempt
		}
		for _, p := range r.Form["part"] {
			c.Put(r.Context(), p) // silent, counted: the save and the setting likewise
		}
		for _, p := range r.Form["part"] {
			k.Put(r.Context(), p) // silent, counted: the case of a failure's code that mends, before the retry after the switch
		}
	})
	http.HandleFunc("/relogin/all", func(w http.ResponseWriter, r *http.Request) {
		for i := range r.Form["id"] {
			d := &session{st: st, id: int64(i)}
			d.login(r.Context()) // logs each session in: a save per session
		}
	})
}
