package sqlparse

import "strings"

// QuoteIdent writes a name as SQL text the parser reads back as the same
// name: bare when it is lower-case letters, digits, _ and $ and not a
// keyword that cannot name a column, else in double quotes. The checks
// use it to print columns and tables into suggested SQL.
func QuoteIdent(name string) string {
	if name != "" && !reserved[name] && isPlainIdent(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func isPlainIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z':
		case i > 0 && (c == '$' || '0' <= c && c <= '9'):
		default:
			return false
		}
	}
	return true
}

// reserved are PostgreSQL's reserved keywords and the "type or function
// name" ones: neither can stand as a bare column name in a select list
// (PostgreSQL 16, Appendix C).
var reserved = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`
		all analyse analyze and any array as asc asymmetric both case cast
		check collate column constraint create current_catalog current_date
		current_role current_time current_timestamp current_user default
		deferrable desc distinct do else end except false fetch for foreign
		from grant group having in initially intersect into lateral leading
		limit localtime localtimestamp not null offset on only or order
		placing primary references returning select session_user some
		symmetric system_user table then to trailing true union unique user
		using variadic when where window with
		authorization binary collation concurrently cross current_schema
		freeze full ilike inner is isnull join left like natural notnull
		outer overlaps right similar tablesample verbose`) {
		reserved[k] = true
	}
}
