// Package lists makes the lists the command saves.
package lists

// Item is one item to save.
type Item struct{ Name string }

// One returns a list of one, built by one append.
func One(name string) []string {
	var out []string
	out = append(out, name)
	return out
}

// Names maps items to their names, one per item.
func Names(items []Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// Pick picks the one item to save.
func Pick(name string) []Item { return []Item{{Name: name}} }
