package direct

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Recovery: a client's request mends an expired session and tries the
// same request again by calling itself with what it was given. The
// session's write runs only when an attempt failed, not once per part.

var errExpired = errors.New("session expired")

type Remote struct {
	db    *sql.DB
	id    int64
	token string
}

func (r *Remote) send(url string, body []byte) (int, error) { return 200, nil }

// saveToken stores the client's new credentials in its row.
func (r *Remote) saveToken(ctx context.Context) error {
	_, err := r.db.ExecContext(ctx, "UPDATE remotes SET token = $1 WHERE id = $2", r.token, r.id)
	return err
}

func (r *Remote) refresh(ctx context.Context) error {
	r.token = "fresh"
	return r.saveToken(ctx)
}

// request tries once more after refreshing, with the same arguments.
func (r *Remote) request(ctx context.Context, url string, body []byte, family ...bool) (int, error) {
	code, err := r.send(url, body)
	if err != nil {
		return 0, err
	}
	if code == 401 {
		if err := r.refresh(ctx); err != nil {
			return 0, err
		}
		return r.request(ctx, url, body, family...)
	}
	return code, nil
}

// call tries again once, with a retry flag.
func (r *Remote) call(ctx context.Context, url string, retry ...bool) (int, error) {
	code, err := r.send(url, nil)
	if err != nil {
		return 0, err
	}
	switch {
	case code == 401 && len(retry) == 0:
		if err := r.refresh(ctx); err != nil {
			return 0, err
		}
		return r.call(ctx, url, true)
	}
	return code, nil
}

func UploadParts(ctx context.Context, r *Remote, parts [][]byte) error {
	for i, p := range parts {
		if _, err := r.request(ctx, fmt.Sprintf("/part/%d", i), p); err != nil { // silent: the write mends a failed attempt
			return err
		}
	}
	return nil
}

func GetParts(ctx context.Context, r *Remote, urls []string) error {
	for _, u := range urls {
		if _, err := r.call(ctx, u); err != nil { // silent: likewise, with a retry flag
			return err
		}
	}
	return nil
}

// audit records the visit before asking: on the normal path.
func (r *Remote) audit(ctx context.Context, url string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO visits (url) VALUES ($1)", url)
	return err
}

// fetch writes on every call, then retries the same: the write before
// the branch is per call.
func (r *Remote) fetch(ctx context.Context, url string) (int, error) {
	if err := r.audit(ctx, url); err != nil {
		return 0, err
	}
	code, _ := r.send(url, nil)
	if code == 401 {
		_ = r.refresh(ctx)
		return r.fetch(ctx, url)
	}
	return code, nil
}

func FetchAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.fetch(ctx, u) // want `^direct.\(\*Remote\).fetch runs INSERT into visits \(recovery.go:86\) once per item of urls`
	}
}

type Link struct {
	Name string
	Next *Link
}

// visit writes each node of a chain: the branch goes on with another
// argument, which is recursion over data.
func (r *Remote) visit(ctx context.Context, n *Link) error {
	if n.Next != nil {
		if _, err := r.db.ExecContext(ctx, "UPDATE nodes SET seen = true WHERE name = $1", n.Name); err != nil {
			return err
		}
		return r.visit(ctx, n.Next)
	}
	return nil
}

func VisitAll(ctx context.Context, r *Remote, roots []*Link) {
	for _, n := range roots {
		r.visit(ctx, n) // want `^direct.\(\*Remote\).visit runs UPDATE nodes \(recovery.go:119\) once per item of roots`
	}
}

// page writes and asks for the next page with a changed argument.
func (r *Remote) page(ctx context.Context, url string, n int) error {
	if n > 0 {
		if err := r.audit(ctx, url); err != nil {
			return err
		}
		return r.page(ctx, url, n-1)
	}
	return nil
}

func PageAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.page(ctx, u, 3) // want `^direct.\(\*Remote\).page runs INSERT into visits \(recovery.go:86\) once per item of urls`
	}
}

// other retries through another client: not the same receiver.
func (r *Remote) other(ctx context.Context, o *Remote, url string) (int, error) {
	code, _ := r.send(url, nil)
	if code == 401 {
		_ = r.refresh(ctx)
		return o.other(ctx, o, url)
	}
	return code, nil
}

func OtherAll(ctx context.Context, r *Remote, o *Remote, urls []string) {
	for _, u := range urls {
		r.other(ctx, o, u) // want `^direct.\(\*Remote\).other runs UPDATE remotes \(recovery.go:26\) once per item of urls`
	}
}
