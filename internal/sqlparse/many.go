package sqlparse

import (
	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// listFuncs are the functions that turn one parameter into a set of rows:
// PostgreSQL's unnest and JSON expanders, SQLite's json_each and carray.
// A statement reading its items from one of them already handles a whole
// list per call.
var listFuncs = map[string]bool{
	"unnest":                    true,
	"json_array_elements":       true,
	"json_array_elements_text":  true,
	"jsonb_array_elements":      true,
	"jsonb_array_elements_text": true,
	"json_to_recordset":         true,
	"jsonb_to_recordset":        true,
	"json_populate_recordset":   true,
	"jsonb_populate_recordset":  true,
	"json_each":                 true, // SQLite: IN (SELECT value FROM json_each(?))
	"carray":                    true, // SQLite's carray extension
}

// params sets Params and Many from the statement's tree: the highest
// parameter number, and whether one execution covers many items — the
// parameter is a list (`= ANY($1)`, `IN ($1)` as the drivers that expand
// a slice write it, unnest($1), json_each(?)), the statement writes
// several rows of VALUES, or it is a COPY FROM. A check advising to fetch
// or write all items at once must know the statement already does.
func (a *analyzer) params(root proto.Message) {
	st := a.st
	if c, ok := root.(*pg.CopyStmt); ok && c.IsFrom {
		st.Many = true
	}
	walk(root, func(m proto.Message) bool {
		switch x := m.(type) {
		case *pg.ParamRef:
			st.Params = max(st.Params, int(x.Number))
		case *pg.A_Expr:
			switch x.Kind {
			case pg.A_Expr_Kind_AEXPR_OP_ANY:
				st.Many = st.Many || hasParam(x.Rexpr)
			case pg.A_Expr_Kind_AEXPR_IN:
				if l, ok := inner(x.Rexpr).(*pg.List); ok && len(l.Items) == 1 && hasParam(l.Items[0]) {
					st.Many = true
				}
			}
		case *pg.FuncCall:
			if listFuncs[lastName(x.Funcname)] {
				for _, arg := range x.Args {
					st.Many = st.Many || hasParam(arg)
				}
			}
		case *pg.SelectStmt:
			st.Many = st.Many || len(x.ValuesLists) > 1
		}
		return true
	})
}

// hasParam reports whether a parameter appears in n.
func hasParam(n *pg.Node) bool { return has[*pg.ParamRef](n) }

// has reports whether a node of type T appears in n.
func has[T proto.Message](n *pg.Node) bool {
	found := false
	walk(n, func(m proto.Message) bool {
		if _, ok := m.(T); ok {
			found = true
		}
		return !found
	})
	return found
}
