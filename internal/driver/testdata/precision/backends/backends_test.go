package backends

import "testing"

func TestMirrors(t *testing.T) {
	m := NewMirrors(nil, nil)
	m.Add("eu")
	m.Sync(t.Context())
}

func TestPage(t *testing.T) {
	if p := NewPage([]string{"a"}); len(p.Items) != 1 {
		t.Fatal(p)
	}
}
