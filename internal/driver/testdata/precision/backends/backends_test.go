package backends

import "testing"

func TestMirrors(t *testing.T) {
	m := NewMirrors(nil, nil)
	m.Add("eu")
	m.Sync(t.Context())
}
