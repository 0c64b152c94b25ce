// Package lru is a read-through cache of the module's own, shaped like
// the ones services write: GetOrSet answers what it holds under k and
// runs set only on a miss.
package lru

type SetFn func() (any, error)

type Cache interface {
	GetOrSet(k any, set SetFn) (any, error)
}

type LRU struct{ m map[any]any }

func New() *LRU { return &LRU{m: map[any]any{}} }

func (c *LRU) GetOrSet(k any, set SetFn) (any, error) {
	if v, ok := c.m[k]; ok {
		return v, nil
	}
	return c.compute(k, func() (any, error) {
		v, err := set()
		if err != nil {
			return nil, err
		}
		c.m[k] = v
		return v, nil
	})
}

// compute runs fn once for concurrent callers of one key.
func (c *LRU) compute(k any, fn func() (any, error)) (any, error) { return fn() }

// None caches nothing: a setting may turn the cache off.
type None struct{}

func (None) GetOrSet(_ any, set SetFn) (any, error) { return set() }
