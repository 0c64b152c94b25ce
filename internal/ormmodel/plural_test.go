package ormmodel

import (
	"testing"

	"github.com/jinzhu/inflection"
)

// TestPlural holds plural to the library gorm and bun pluralize with, on
// the library's own test words, every rule's and exception's shape, in
// lower, title and upper case, and the type names a service gives its
// models.
func TestPlural(t *testing.T) {
	words := []string{
		"", "s", "star", "bus", "fish", "sheep", "equipment", "information", "rice", "money", "species", "series",
		"jeans", "police", "person", "man", "woman", "child", "sex", "move", "mombie", "zombie",
		"quiz", "ox", "oxen", "mouse", "mice", "louse", "matrix", "vertex", "index", "search", "switch", "fix",
		"box", "process", "address", "wish", "query", "ability", "agency", "movie", "day", "hive", "archive",
		"half", "safe", "wife", "knife", "life", "elf", "shelf", "basis", "diagnosis", "datum", "medium",
		"analysis", "buffalo", "tomato", "potato", "octopus", "virus", "alias", "status", "axis", "testis",
		"crisis", "cookie", "news", "database", "shoe", "horse", "photo", "user", "users", "api_key",
		"user_group", "workflow_run", "http_server", "o_auth_token", "audit_log", "entry", "category",
		"inventory", "attachment", "Person", "PERSON", "FancyPerson", "UserAddress", "MEDIA", "Status",
		"ORGMEMBER", "api_keys", "x", "ay", "y", "qu", "quy", "Octopi", "Mice",
	}
	for _, w := range words {
		if got, want := plural(w), inflection.Plural(w); got != want {
			t.Errorf("plural(%q) = %q, want %q (inflection's)", w, got, want)
		}
	}
}
