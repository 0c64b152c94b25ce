package direct

import (
	"context"
	"database/sql"
)

// One item's work: what a loop does under `if i == 0`, or under a flag
// its body clears, it does once per run of the loop, not per item.

type legacyNode struct{ ID, Host string }

func createHost(ctx context.Context, db *sql.DB, host string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO hosts (name) VALUES ($1)", host)
	return err
}

func attachNode(ctx context.Context, db *sql.DB, id, host string) error {
	_, err := db.ExecContext(ctx, "UPDATE nodes SET host = $2 WHERE id = $1", id, host)
	return err
}

// ConvertLegacy makes the host from the first node only; each node is
// attached to it.
func ConvertLegacy(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	for i, n := range nodes {
		if i == 0 {
			if err := createHost(ctx, db, n.Host); err != nil {
				return err
			}
		}
		if err := attachNode(ctx, db, n.ID, n.Host); err != nil { // want `^direct.attachNode runs UPDATE nodes \(firstpass.go:19\) once per item of nodes`
			return err
		}
	}
	return nil
}

// ConvertCounted is the same with a counter, the test written the other
// way round.
func ConvertCounted(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	for i := 0; i < len(nodes); i++ {
		if 0 == i {
			if err := createHost(ctx, db, nodes[i].Host); err != nil {
				return err
			}
		}
	}
	return nil
}

// ConvertFlagged clears a flag after the first host.
func ConvertFlagged(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	first := true
	for _, n := range nodes {
		if first {
			first = false
			if err := createHost(ctx, db, n.Host); err != nil {
				return err
			}
		}
	}
	return nil
}

// PerGroup makes a host for the first node of each group: once per group,
// which is still per item of the outer loop.
func PerGroup(ctx context.Context, db *sql.DB, groups [][]legacyNode) error {
	for _, g := range groups {
		for i, n := range g {
			if i == 0 {
				if err := createHost(ctx, db, n.Host); err != nil { // want `^direct.createHost runs INSERT into hosts \(firstpass.go:14\) once per item of groups`
					return err
				}
			}
		}
	}
	return nil
}

// AllButFirst tests the index the other way: every item but one.
func AllButFirst(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	for i, n := range nodes {
		if i != 0 {
			if err := createHost(ctx, db, n.Host); err != nil { // want `^direct.createHost runs INSERT into hosts \(firstpass.go:14\) once per item of nodes`
				return err
			}
		}
	}
	return nil
}

// ByKey runs once for the one key of a map that equals the constant.
func ByKey(ctx context.Context, db *sql.DB, byKey map[int]legacyNode) error {
	for k, n := range byKey {
		if k == 0 {
			if err := createHost(ctx, db, n.Host); err != nil {
				return err
			}
		}
	}
	return nil
}

// Shifted moves its index: the test no longer picks one pass.
func Shifted(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	for i := 0; i < len(nodes); i++ {
		if i == 0 {
			if err := createHost(ctx, db, nodes[i].Host); err != nil { // want `^direct.createHost runs INSERT into hosts \(firstpass.go:14\) once per item of nodes`
				return err
			}
			i = -1
		}
	}
	return nil
}

// Toggled sets its flag again per item: a flag that only skips.
func Toggled(ctx context.Context, db *sql.DB, nodes []legacyNode) error {
	pending := true
	for _, n := range nodes {
		if pending {
			pending = false
			if err := createHost(ctx, db, n.Host); err != nil { // want `^direct.createHost runs INSERT into hosts \(firstpass.go:14\) once per item of nodes`
				return err
			}
		}
		pending = n.Host == ""
	}
	return nil
}
