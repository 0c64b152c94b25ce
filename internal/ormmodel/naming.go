package ormmodel

import (
	"strings"
)

// The names below are the ORMs' own: a table or column sqlheat names
// differently from the ORM is a table the schema does not know, and a
// query on it would go unchecked. gorm's NamingStrategy (schema/naming.go)
// and bun's internal.Underscore differ on acronyms ("HTTPURL" is
// "http_url" in gorm, "httpurl" in bun), and both pluralize table names
// with github.com/jinzhu/inflection, which both depend on (see plural).

// gormInitialisms are golint's common initialisms, which gorm spells as
// one word before splitting a name into snake_case ("UserID" is
// "user_id", not "user_i_d").
var gormInitialisms = strings.NewReplacer(func() []string {
	words := []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
		"LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8",
		"VM", "XML", "XSRF", "XSS"}
	var pairs []string
	for _, w := range words {
		pairs = append(pairs, w, w[:1]+strings.ToLower(w[1:]))
	}
	return pairs
}()...)

// GormName is the column (or, before pluralizing, table) name gorm's
// default naming strategy gives a Go identifier: "CreatedAt" is
// "created_at", "HTTPServerID" is "http_server_id".
func GormName(name string) string {
	if name == "" {
		return ""
	}
	s := gormInitialisms.Replace(name)
	upper := func(i int) bool { return 'A' <= s[i] && s[i] <= 'Z' }
	digit := func(i int) bool { return '0' <= s[i] && s[i] <= '9' }
	var b strings.Builder
	// An upper-case letter starts a word unless it continues a run of
	// capitals that goes on ("HTTPServer": the S of Server starts one);
	// an underscore already written keeps its place.
	prevUpper, curUpper := false, upper(0)
	for i := 0; i < len(s)-1; i++ {
		nextUpper := upper(i + 1)
		if curUpper {
			if !(prevUpper && (nextUpper || digit(i+1))) && i > 0 && s[i-1] != '_' && s[i+1] != '_' {
				b.WriteByte('_')
			}
			b.WriteByte(s[i] + 'a' - 'A')
		} else {
			b.WriteByte(s[i])
		}
		prevUpper, curUpper = curUpper, nextUpper
	}
	last := s[len(s)-1]
	if curUpper {
		if !prevUpper && len(s) > 1 {
			b.WriteByte('_')
		}
		last += 'a' - 'A'
	}
	b.WriteByte(last)
	return b.String()
}

// GormTable is the table gorm's default naming strategy gives a model
// type: its snake_case name, pluralized ("OrderItem" is "order_items").
func GormTable(typeName string) string {
	return plural(GormName(typeName))
}

// gormIndexName is gorm's name for an index or constraint it names
// itself (NamingStrategy.formatName): prefix_table_column, or, beyond 64
// characters, a cut name ending in a hash gorm computes at run time.
func gormIndexName(prefix, table, column string) string {
	return strings.ReplaceAll(prefix+"_"+table+"_"+column, ".", "_")
}

// BunName is bun's snake_case of a Go identifier (internal.Underscore):
// an upper-case letter starts a word when a lower-case letter is next to
// it, so "UserID" is "user_id" and "HTTPURL" is "httpurl".
func BunName(s string) string {
	lower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			if i > 0 && i+1 < len(s) && (lower(s[i-1]) || lower(s[i+1])) {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// BunTable is the table bun names a model type without a table tag.
func BunTable(typeName string) string {
	return plural(BunName(typeName))
}
