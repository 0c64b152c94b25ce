// Package notify sends notifications to devices and cleans up what the
// push service turns down.
package notify

import (
	"context"
	"errors"

	"example.com/extfail/store"
	"example.net/kvdb"
	"example.net/pushsvc"
)

// SendAll deletes the tokens the push service says are gone: once per
// stale token, ever.
func SendAll(ctx context.Context, c *pushsvc.Client, s store.Devices, devices []*store.Device) {
	for _, d := range devices {
		err := c.Send(ctx, d.Token, "hi")
		if errors.Is(err, pushsvc.ErrUnregistered) {
			_ = s.Delete(d.Token)
		}
	}
}

// SendEach tells the failures apart in a switch, within err != nil.
func SendEach(ctx context.Context, c *pushsvc.Client, s store.Devices, devices []*store.Device) {
	for _, d := range devices {
		if err := c.Send(ctx, d.Token, "hi"); err != nil {
			switch err {
			case pushsvc.ErrUnregistered:
				_ = s.Delete(d.Token)
			default:
				return
			}
		}
	}
}

// Deactivate marks the tokens gone: the row stays, and the next
// round sends to it and marks it again.
func Deactivate(ctx context.Context, c *pushsvc.Client, s store.Devices, devices []*store.Device) {
	for _, d := range devices {
		err := c.Send(ctx, d.Token, "hi")
		if errors.Is(err, pushsvc.ErrUnregistered) {
			_ = s.Deactivate(d.Token)
		}
	}
}

// Prune deletes the devices our own store no longer finds.
func Prune(s store.Devices, ids []int64, tokens []string) {
	for i, id := range ids {
		_, err := s.Get(id)
		if errors.Is(err, store.ErrNotFound) {
			_ = s.Delete(tokens[i])
		}
	}
}

// PruneKV deletes the devices a key-value store (another module's, on
// database/sql) no longer has.
func PruneKV(kv *kvdb.KV, s store.Devices, tokens []string) {
	for _, t := range tokens {
		_, err := kv.Get(t)
		if errors.Is(err, kvdb.ErrNotFound) {
			_ = s.Delete(t)
		}
	}
}

// deliver sends one notification, and deletes the device when the
// service answers it is gone: a status outside 2xx (but 429).
func deliver(ctx context.Context, c *pushsvc.Client, s store.Devices, d *store.Device) error {
	resp, err := c.Deliver(ctx, d.Token, "hi")
	if err != nil {
		return err
	}
	if (resp.StatusCode < 200 || resp.StatusCode > 299) && resp.StatusCode != 429 {
		return s.Delete(d.Token)
	}
	return nil
}

// DeliverAll calls the helper per device: its delete, one function
// down, runs once per stale token too.
func DeliverAll(ctx context.Context, c *pushsvc.Client, s store.Devices, devices []*store.Device) {
	for _, d := range devices {
		_ = deliver(ctx, c, s, d)
	}
}

// markGone marks the device when the service answers 410: an UPDATE,
// per item.
func markGone(ctx context.Context, c *pushsvc.Client, s store.Devices, d *store.Device) {
	resp, err := c.Deliver(ctx, d.Token, "hi")
	if err == nil && resp.StatusCode == 410 {
		_ = s.Deactivate(d.Token)
	}
}

// MarkAll stays reported.
func MarkAll(ctx context.Context, c *pushsvc.Client, s store.Devices, devices []*store.Device) {
	for _, d := range devices {
		markGone(ctx, c, s, d)
	}
}
