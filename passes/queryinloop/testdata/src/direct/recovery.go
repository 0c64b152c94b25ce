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

// login asks through ask itself, then saves the token: ask and login
// call each other, and the save still runs only when an attempt failed.
func (r *Remote) login(ctx context.Context) error {
	if _, err := r.ask(ctx, "/login", true); err != nil {
		return err
	}
	return r.saveToken(ctx)
}

func (r *Remote) ask(ctx context.Context, url string, retry ...bool) (int, error) {
	code, err := r.send(url, nil)
	if code == 401 && len(retry) == 0 {
		err = r.login(ctx)
		if err != nil {
			return 0, err
		}
		return r.ask(ctx, url, true)
	}
	return code, err
}

func AskAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.ask(ctx, u) // silent: the login's save mends a failed attempt
	}
}

// coded mends in the cases of a switch on the failure's code, and tries
// again after it; the cases that end the call return.
type codeErr struct{ code int }

func (e *codeErr) Error() string { return "failed" }

func (r *Remote) coded(ctx context.Context, url string) (int, error) {
	code, err := r.send(url, nil)
	ce, ok := err.(*codeErr)
	if !ok {
		return code, err
	}
	switch ce.code {
	case 0:
		return code, nil
	case 4121, 4122:
		if err = r.refresh(ctx); err == nil {
			break
		}
		return 0, err
	case 9:
		if err := r.saveToken(ctx); err != nil {
			return 0, err
		}
	default:
		return 0, err
	}
	return r.coded(ctx, url)
}

func CodedAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.coded(ctx, u) // silent: the cases falling through to the retry mend a failed attempt
	}
}

// codedAudit audits in the case that ends the call: on the normal path.
func (r *Remote) codedAudit(ctx context.Context, url string) (int, error) {
	code, err := r.send(url, nil)
	switch {
	case err == nil:
		return code, r.audit(ctx, url)
	case code == 401:
		_ = r.refresh(ctx)
	default:
		return 0, err
	}
	return r.codedAudit(ctx, url)
}

func CodedAuditAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.codedAudit(ctx, u) // want `^direct.\(\*Remote\).codedAudit runs INSERT into visits \(recovery.go:86\) once per item of urls`
	}
}

// logFailure records each failed send in the database, and goes on. No
// retry, but the row is written for the failed items only: in the normal
// case no item fails, and it is no work per item (see failure.go; this
// was reported before readers judged such findings false).
func (r *Remote) logFailure(ctx context.Context, url string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO failures (url) VALUES ($1)", url)
	return err
}

func SendLogged(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		if _, err := r.send(u, nil); err != nil {
			r.logFailure(ctx, u) // silent: only the failed items write
		}
	}
}

// again calls itself once more with a flag after auditing: every call
// not flagged audits, which is the normal path, not a mend.
func (r *Remote) again(ctx context.Context, url string, done bool) error {
	if done {
		return nil
	}
	if len(url) > 0 {
		_ = r.audit(ctx, url)
	}
	return r.again(ctx, url, true)
}

func AgainAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.again(ctx, u, false) // want `^direct.\(\*Remote\).again runs INSERT into visits \(recovery.go:86\) once per item of urls`
	}
}

var errCookie = errors.New("cookie expired")

// post tries the call it just made again once the login mended it: the
// login's save runs only when that call failed.
func (r *Remote) post(ctx context.Context, url string, body []byte) (int, error) {
	code, err := r.send(url, body)
	if err == errCookie {
		if err := r.refresh(ctx); err != nil {
			return 0, err
		}
		return r.send(url, body)
	}
	return code, err
}

func PostAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.post(ctx, u, nil) // silent: the save mends the failed call before it is made again
	}
}

// fallback asks another address after a failure, and audits it: not the
// same call again, but the audit runs only when the send failed (see
// failure.go), which is no work per item in the normal case.
func (r *Remote) fallback(ctx context.Context, url, other string) (int, error) {
	code, err := r.send(url, nil)
	if err != nil {
		_ = r.audit(ctx, other)
		return r.send(other, nil)
	}
	return code, err
}

func FallbackAll(ctx context.Context, r *Remote, urls []string) {
	for _, u := range urls {
		r.fallback(ctx, u, "/mirror") // silent: the audit runs on a failed send only
	}
}
