package direct

import (
	"database/sql"
	"errors"

	"direct/forge"
	"example.com/push"
)

// Cleanups after another service's refusal: a DELETE of the items the
// push service turned down for good runs once per stale item, ever.

type Device struct {
	ID    int64
	Token string
}

func deleteToken(db *sql.DB, token string) {
	_, _ = db.Exec("DELETE FROM devices WHERE token = $1", token)
}

func SendAll(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if errors.Is(err, push.ErrUnregistered) {
			_, _ = db.Exec("DELETE FROM devices WHERE id = $1", d.ID) // silent: only for tokens the service turned down
		}
	}
}

func SendAllInit(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		if err := c.Send(&push.Message{Token: d.Token}); errors.Is(err, push.ErrUnregistered) {
			deleteToken(db, d.Token) // silent: the error of the if's own statement
		}
	}
}

func SendAllHelper(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		if err := c.Send(&push.Message{Token: d.Token}); err != nil {
			if push.IsUnregistered(err) {
				deleteToken(db, d.Token) // silent: a helper, in the failure's told branch
			}
			continue
		}
	}
}

func SendAllAnd(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if err != nil && push.IsUnregistered(err) {
			deleteToken(db, d.Token) // silent: ANDed with err != nil
		}
	}
}

func SendAllStatus(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		code, err := c.Post(&push.Message{Token: d.Token})
		if err != nil {
			if code == 410 {
				deleteToken(db, d.Token) // silent: the status the service answered with its error
			}
			continue
		}
	}
}

// Still reported.

// lookup is the program's own store: its not-found is data.
func lookup(db *sql.DB, id int64) error {
	var token string
	return db.QueryRow("SELECT token FROM devices WHERE id = $1", id).Scan(&token)
}

func PruneMissing(db *sql.DB, devices []Device) {
	for _, d := range devices {
		err := lookup(db, d.ID) // want `^direct.lookup runs SELECT .* once per item of devices`
		if errors.Is(err, sql.ErrNoRows) {
			_, _ = db.Exec("DELETE FROM links WHERE device = $1", d.ID) // want `^DELETE from links runs once per item of devices`
		}
	}
}

func CreateMissing(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if errors.Is(err, push.ErrUnregistered) {
			_, _ = db.Exec("INSERT INTO stale (token) VALUES ($1)", d.Token) // want `^INSERT into stale runs once per item of devices`
		}
	}
}

func DropGone(db *sql.DB, f *forge.Client, repos []string) {
	for _, r := range repos {
		code, err := f.Repo(r)
		if err != nil {
			if code == 404 {
				_, _ = db.Exec("DELETE FROM repos WHERE name = $1", r) // want `^DELETE from repos runs once per item of repos`
			}
			continue
		}
	}
}

func MarkInactive(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if errors.Is(err, push.ErrUnregistered) {
			_, _ = db.Exec("UPDATE devices SET active = false WHERE id = $1", d.ID) // want `^UPDATE devices runs once per item of devices`
		}
	}
}

func SendAndRecord(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if errors.Is(err, push.ErrUnregistered) {
			deleteToken(db, d.Token) // silent: the stale token's delete
		} else {
			_, _ = db.Exec("DELETE FROM outbox WHERE device = $1", d.ID) // want `^DELETE from outbox runs once per item of devices`
		}
	}
}

func SendUnlessTemporary(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		if !errors.Is(err, push.ErrTemporary) {
			_, _ = db.Exec("DELETE FROM outbox WHERE device = $1", d.ID) // want `^DELETE from outbox runs once per item of devices`
		}
	}
}

func SendSwitch(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		err := c.Send(&push.Message{Token: d.Token})
		switch {
		case errors.Is(err, push.ErrTemporary):
		default:
			_, _ = db.Exec("DELETE FROM outbox WHERE device = $1", d.ID) // want `^DELETE from outbox runs once per item of devices`
		}
	}
}

func SendUserDevices(db *sql.DB, c *push.Client, users []int64, tokens []string) {
	for _, u := range users {
		err := c.Send(&push.Message{})
		if errors.Is(err, push.ErrUnregistered) {
			for _, t := range tokens {
				deleteToken(db, t) // want `^direct.deleteToken runs DELETE .* once per item of tokens`
			}
		}
		_ = u
	}
}

// A status outside 2xx in the push service's HTTP response is its
// refusal too: the endpoint is gone, deleted once.
func DeliverAll(db *sql.DB, c *push.Client, devices []Device) {
	for _, d := range devices {
		resp, err := c.Deliver(&push.Message{Token: d.Token})
		if err != nil {
			continue
		}
		if (resp.StatusCode < 200 || resp.StatusCode > 299) && resp.StatusCode != 429 {
			deleteToken(db, d.Token) // silent: the service answered the endpoint is gone
		}
		if 404 == resp.StatusCode || resp.StatusCode == 410 {
			deleteToken(db, d.Token) // silent: the constant on the left
		}
	}
}

// Still per item: a test a success passes (every 2xx, a 200 itself), a
// test of anything else beside the status, an UPDATE in the branch.
func DeliverAllKept(db *sql.DB, c *push.Client, devices []Device, all bool) {
	for _, d := range devices {
		resp, _ := c.Deliver(&push.Message{Token: d.Token})
		if resp.StatusCode >= 200 {
			deleteToken(db, d.Token) // want `direct.deleteToken runs DELETE from devices`
		}
		if resp.StatusCode != 404 {
			deleteToken(db, d.Token) // want `direct.deleteToken runs DELETE from devices`
		}
		if resp.StatusCode == 410 || all {
			deleteToken(db, d.Token) // want `direct.deleteToken runs DELETE from devices`
		}
		if resp.StatusCode == 410 {
			_, _ = db.Exec("UPDATE devices SET stale = true WHERE id = $1", d.ID) // want `UPDATE devices runs once per item of devices`
		}
	}
}
