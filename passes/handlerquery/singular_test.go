package handlerquery

import "testing"

func TestSingular(t *testing.T) {
	for over, want := range map[string]string{
		"orders":            "order",
		"user.Identities":   "Identity",
		"entries":           "entry",
		"addresses":         "address",
		"boxes":             "box",
		"batches":           "batch",
		"req.IDs":           "ID",
		"status":            "status",
		"class":             "class",
		"item":              "item",
		"s":                 "s",
		"keys":              "key",
		"days":              "day",
		"p.Series.Children": "Children",
	} {
		if got := singular(over); got != want {
			t.Errorf("singular(%q) = %q, want %q", over, got, want)
		}
	}
}
