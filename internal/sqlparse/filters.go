package sqlparse

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// predicate walks a WHERE or JOIN ... ON condition, recording a Filter for
// each column it compares. neg is true under an odd number of NOTs: the
// comparison is recorded negated (NOT (a = 1) as a <> 1), since an index
// serves `=` but not `<>`, and the checks must not be told otherwise.
func (a *analyzer) predicate(sc *scope, n *pg.Node, neg bool) {
	switch x := inner(n).(type) {
	case nil:
	case *pg.BoolExpr:
		// AND and OR alike: a column filtered in any arm is filtered. Index
		// advice is the checks' business, and an OR of indexed columns is
		// served by a bitmap OR.
		if x.Boolop == pg.BoolExprType_NOT_EXPR {
			neg = !neg
		}
		// Under an OR (or a NOT over an AND, which is one) a comparison
		// no longer narrows the rows alone: say so in Filter.Optional.
		saved := a.optional
		if (x.Boolop == pg.BoolExprType_OR_EXPR) != neg && x.Boolop != pg.BoolExprType_NOT_EXPR {
			a.optional = true
		}
		for _, arg := range x.Args {
			a.predicate(sc, arg, neg)
		}
		a.optional = saved
	case *pg.A_Expr:
		a.aexpr(sc, x, neg)
	case *pg.NullTest:
		op := "IS NULL"
		if x.Nulltesttype == pg.NullTestType_IS_NOT_NULL {
			op = "IS NOT NULL"
		}
		a.unary(sc, x.Arg, negate(op, neg), "")
	case *pg.BooleanTest:
		op := "IS " + strings.ReplaceAll(strings.TrimPrefix(x.Booltesttype.String(), "IS_"), "_", " ")
		a.unary(sc, x.Arg, negate(op, neg), "")
	case *pg.SubLink:
		a.sublink(sc, x, neg, true)
	case *pg.ColumnRef:
		// WHERE active: a boolean column compared with true.
		a.unary(sc, n, negate("=", neg), "true")
	default:
		a.exprs(sc, n)
	}
}

// addFilter records f, marked Optional under an OR.
func (a *analyzer) addFilter(f Filter) {
	f.Optional = a.optional
	a.st.Filters = append(a.st.Filters, f)
}

// funcExpr is Filter.Expr: the canonical text of n, a function or cast
// of a column (fn != ""), with the column unqualified as an index on it
// would be written ("lower(email)" for lower(u.email)).
func (a *analyzer) funcExpr(n *pg.Node, fn string) string {
	if fn == "" || n == nil {
		return ""
	}
	n = proto.Clone(n).(*pg.Node)
	walk(n, func(m proto.Message) bool {
		if cr, ok := m.(*pg.ColumnRef); ok && len(cr.Fields) > 1 {
			cr.Fields = cr.Fields[len(cr.Fields)-1:]
		}
		return true
	})
	return deparseExpr(n)
}

// unary records a test of one column against a constant (IS NULL, a bare
// boolean column).
func (a *analyzer) unary(sc *scope, arg *pg.Node, op, lit string) {
	if c, fn, _, ok := a.colExpr(sc, arg); ok {
		a.addFilter(Filter{Column: c, Op: op, Func: fn, Value: "const", Literal: lit, Expr: a.funcExpr(arg, fn)})
		return
	}
	a.exprs(sc, arg)
}

// comparisons are the binary operators whose column side an index (btree,
// or GIN/GiST for the containment and match operators) can serve. Others
// (+, ||, ...) compute values rather than test them.
var comparisons = map[string]bool{
	"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true,
	"~~": true, "~~*": true, "!~~": true, "!~~*": true,
	"~": true, "~*": true, "!~": true, "!~*": true,
	"@>": true, "<@": true, "&&": true, "@@": true, "?": true, "?|": true, "?&": true,
}

func (a *analyzer) aexpr(sc *scope, x *pg.A_Expr, neg bool) {
	op := lastName(x.Name)
	switch x.Kind {
	case pg.A_Expr_Kind_AEXPR_OP:
		if !comparisons[op] || x.Lexpr == nil {
			a.exprs(sc, x.Lexpr, x.Rexpr) // arithmetic, or a prefix operator
			return
		}
		// (org_id, id) = ($1, $2), and keyset pagination's (created_at, id)
		// < ($1, $2): each column is compared, and an index on them in that
		// order serves the whole comparison.
		if l, r := x.Lexpr.GetRowExpr(), x.Rexpr.GetRowExpr(); l != nil && r != nil && len(l.Args) == len(r.Args) {
			for i := range l.Args {
				a.compare(sc, l.Args[i], r.Args[i], likeName(op), neg)
			}
			return
		}
		a.compare(sc, x.Lexpr, x.Rexpr, likeName(op), neg)
	case pg.A_Expr_Kind_AEXPR_DISTINCT:
		a.compare(sc, x.Lexpr, x.Rexpr, "IS DISTINCT FROM", neg)
	case pg.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		a.compare(sc, x.Lexpr, x.Rexpr, "IS NOT DISTINCT FROM", neg)
	case pg.A_Expr_Kind_AEXPR_OP_ANY, pg.A_Expr_Kind_AEXPR_OP_ALL:
		// col = ANY($1) is IN in disguise, as drivers pass a slice; other
		// forms keep their operator: "<> ALL", "LIKE ANY".
		name := likeName(op) + " ANY"
		if x.Kind == pg.A_Expr_Kind_AEXPR_OP_ALL {
			name = likeName(op) + " ALL"
		}
		if name == "= ANY" {
			name = "ANY"
		}
		a.left(sc, x.Lexpr, negate(name, neg), x.Rexpr, "")
	case pg.A_Expr_Kind_AEXPR_IN:
		name := "IN"
		if op == "<>" {
			name = "NOT IN"
		}
		a.left(sc, x.Lexpr, negate(name, neg), x.Rexpr, "")
	case pg.A_Expr_Kind_AEXPR_LIKE, pg.A_Expr_Kind_AEXPR_ILIKE, pg.A_Expr_Kind_AEXPR_SIMILAR:
		name := likeName(op)
		if x.Kind == pg.A_Expr_Kind_AEXPR_SIMILAR {
			name = "SIMILAR TO"
			if op == "!~" {
				name = "NOT SIMILAR TO"
			}
		}
		a.left(sc, x.Lexpr, negate(name, neg), x.Rexpr, likePattern(x.Rexpr))
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_BETWEEN_SYM:
		a.left(sc, x.Lexpr, negate("BETWEEN", neg), x.Rexpr, "")
	case pg.A_Expr_Kind_AEXPR_NOT_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		a.left(sc, x.Lexpr, negate("NOT BETWEEN", neg), x.Rexpr, "")
	default:
		a.exprs(sc, x.Lexpr, x.Rexpr) // NULLIF
	}
}

// left records a test whose column can only stand on the left (IN, LIKE,
// BETWEEN, = ANY): `$1 = ANY(tags)` tests an array column, not a value.
func (a *analyzer) left(sc *scope, l *pg.Node, op string, r *pg.Node, pattern string) {
	if row := l.GetRowExpr(); row != nil && (op == "IN" || op == "ANY" || op == "NOT IN") {
		// (org_id, id) IN (($1, $2), ($3, $4)): each column compared.
		v := valueKind(r)
		for _, arg := range row.Args {
			if c, fn, _, ok := a.colExpr(sc, arg); ok {
				a.addFilter(Filter{Column: c, Op: op, Func: fn, Value: v, Expr: a.funcExpr(arg, fn)})
			} else {
				a.exprs(sc, arg)
			}
		}
		a.exprs(sc, r)
		return
	}
	if c, fn, _, ok := a.colExpr(sc, l); ok {
		a.addFilter(Filter{Column: c, Op: op, Func: fn, Value: valueKind(r), Pattern: pattern, Expr: a.funcExpr(l, fn), Params: bareParams(r)})
	} else {
		a.exprs(sc, l)
	}
	a.exprs(sc, r)
}

// compare records a binary comparison, with the column on either side.
// Two columns of different FROM items equated are a join: both get a
// JOIN filter, since either side may need the index.
func (a *analyzer) compare(sc *scope, l, r *pg.Node, op string, neg bool) {
	op = negate(op, neg)
	lc, lfn, lit, lok := a.colExpr(sc, l)
	rc, rfn, rit, rok := a.colExpr(sc, r)
	switch {
	case lok && rok:
		lop, rop := op, flip(op)
		if op == "=" && (lit != rit || lit == nil && lc.Table != rc.Table) {
			lop, rop = "JOIN", "JOIN"
		}
		a.addFilter(Filter{Column: lc, Op: lop, Func: lfn, Value: "column", Expr: a.funcExpr(l, lfn), Peer: rc})
		a.addFilter(Filter{Column: rc, Op: rop, Func: rfn, Value: "column", Expr: a.funcExpr(r, rfn), Peer: lc})
	case lok:
		a.addFilter(Filter{Column: lc, Op: op, Func: lfn, Value: valueKind(r), Pattern: likePatternFor(op, r), Literal: literal(r), Expr: a.funcExpr(l, lfn), Params: bareParams(r)})
		a.exprs(sc, r)
	case rok:
		a.addFilter(Filter{Column: rc, Op: flip(op), Func: rfn, Value: valueKind(l), Literal: literal(l), Expr: a.funcExpr(r, rfn), Params: bareParams(l)})
		a.exprs(sc, l)
	default:
		a.exprs(sc, l, r)
	}
}

// sublink walks a subquery in an expression. In a condition (pred), `c IN
// (SELECT ...)` also filters c. The body of EXISTS fetches no rows, so a
// `*` there costs nothing and is not reported.
func (a *analyzer) sublink(sc *scope, x *pg.SubLink, neg, pred bool) {
	switch x.SubLinkType {
	case pg.SubLinkType_EXISTS_SUBLINK:
		a.noStars++
		a.selectStmt(sc, x.Subselect.GetSelectStmt())
		a.noStars--
		return
	case pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK:
		if pred {
			// IN (SELECT ...) has no operator name; = ANY (SELECT ...)
			// means the same.
			op := "IN"
			if name := lastName(x.OperName); name != "" && name != "=" {
				op = likeName(name) + " ANY"
			}
			if x.SubLinkType == pg.SubLinkType_ALL_SUBLINK {
				op = likeName(lastName(x.OperName)) + " ALL"
			}
			if c, fn, _, ok := a.colExpr(sc, x.Testexpr); ok {
				a.addFilter(Filter{Column: c, Op: negate(op, neg), Func: fn, Value: "subquery", Expr: a.funcExpr(x.Testexpr, fn)})
				a.selectStmt(sc, x.Subselect.GetSelectStmt())
				return
			}
			// (id, inserted_at) IN (SELECT ...): each column is
			// compared, and an index on them in that order serves all.
			if row := x.Testexpr.GetRowExpr(); row != nil && op == "IN" {
				for _, arg := range row.Args {
					if c, fn, _, ok := a.colExpr(sc, arg); ok {
						a.addFilter(Filter{Column: c, Op: negate(op, neg), Func: fn, Value: "subquery", Expr: a.funcExpr(arg, fn)})
					} else {
						a.exprs(sc, arg)
					}
				}
				a.selectStmt(sc, x.Subselect.GetSelectStmt())
				return
			}
		}
	}
	a.exprs(sc, x.Testexpr)
	a.selectStmt(sc, x.Subselect.GetSelectStmt())
}

// colExpr reports whether n is a column, bare or under one function or
// cast: lower(email), date_trunc('day', created_at), created_at::date. A
// cast is reported as the function of its type's name, which is what it is
// in PostgreSQL (date(created_at)) and what an expression index must match.
func (a *analyzer) colExpr(sc *scope, n *pg.Node) (c ColumnRef, fn string, it *fromItem, ok bool) {
	switch x := inner(n).(type) {
	case *pg.ColumnRef:
		c, it, ok = a.columnItem(sc, x)
		return c, "", it, ok
	case *pg.FuncCall:
		// Exactly one column among constant arguments.
		var col *pg.ColumnRef
		for _, arg := range x.Args {
			switch {
			case arg.GetColumnRef() != nil && col == nil:
				col = arg.GetColumnRef()
			case arg.GetAConst() != nil, arg.GetTypeCast().GetArg().GetAConst() != nil:
			default:
				return ColumnRef{}, "", nil, false
			}
		}
		if col == nil || x.AggStar || x.Over != nil {
			return ColumnRef{}, "", nil, false
		}
		c, it, ok = a.columnItem(sc, col)
		return c, lastName(x.Funcname), it, ok
	case *pg.TypeCast:
		if col := x.Arg.GetColumnRef(); col != nil && x.TypeName != nil {
			c, it, ok = a.columnItem(sc, col)
			return c, lastName(x.TypeName.Names), it, ok
		}
	}
	return ColumnRef{}, "", nil, false
}

// bareParams returns the numbers of the parameters n is made of when it
// is a parameter or a list of them (an IN list, BETWEEN's bounds), nil
// otherwise: only then does the column's type say the parameter's.
func bareParams(n *pg.Node) []int {
	var out []int
	add := func(n *pg.Node) bool {
		p, ok := inner(n).(*pg.ParamRef)
		if ok {
			out = append(out, int(p.Number))
		}
		return ok
	}
	if l, ok := inner(n).(*pg.List); ok {
		for _, item := range l.Items {
			if !add(item) {
				return nil
			}
		}
		return out
	}
	add(n)
	return out
}

// valueKind says what a column is compared with. An expression of only
// parameters and constants is a "param" (lower($1), $1::bigint[],
// ARRAY[$1, $2]) or a "const"; a call with no arguments (now(),
// random()) or anything naming a column is an "expr".
func valueKind(n *pg.Node) string {
	switch x := inner(n).(type) {
	case *pg.ParamRef:
		return "param"
	case *pg.A_Const:
		return "const"
	case *pg.ColumnRef:
		return "column"
	case *pg.SubLink:
		return "subquery"
	case *pg.TypeCast:
		return valueKind(x.Arg)
	case nil:
		return "expr"
	}
	params, consts, other := 0, 0, false
	walk(n, func(m proto.Message) bool {
		switch x := m.(type) {
		case *pg.ParamRef:
			params++
		case *pg.A_Const:
			consts++
		case *pg.ColumnRef, *pg.SubLink, *pg.SQLValueFunction:
			other = true
		case *pg.FuncCall:
			if len(x.Args) == 0 {
				other = true
			}
		}
		return !other
	})
	switch {
	case other || params+consts == 0:
		return "expr"
	case params > 0:
		return "param"
	}
	return "const"
}

// likeName turns the operators PostgreSQL rewrites LIKE into back into
// the words users wrote.
func likeName(op string) string {
	switch op {
	case "~~":
		return "LIKE"
	case "!~~":
		return "NOT LIKE"
	case "~~*":
		return "ILIKE"
	case "!~~*":
		return "NOT ILIKE"
	}
	return op
}

// likePattern returns the constant pattern of a LIKE (also through
// LIKE ... ESCAPE, which the parser turns into like_escape(pattern, esc)).
func likePattern(n *pg.Node) string {
	if fc := n.GetFuncCall(); fc != nil && len(fc.Args) > 0 && lastName(fc.Funcname) == "like_escape" {
		n = fc.Args[0]
	}
	if n.GetParamRef() != nil {
		return "" // LIKE $1: the program decides, we cannot know
	}
	return patternText(n)
}

// patternText is the text of a constant pattern, or of a concatenation
// of constants and parameters with each parameter as "?" ('%' || $1 is
// "%?"); "" when some part is neither.
func patternText(n *pg.Node) string {
	switch x := inner(n).(type) {
	case *pg.A_Const:
		if s := x.GetSval(); s != nil {
			return s.Sval
		}
	case *pg.ParamRef:
		return "?"
	case *pg.TypeCast:
		return patternText(x.Arg)
	case *pg.A_Expr:
		if x.Kind == pg.A_Expr_Kind_AEXPR_OP && lastName(x.Name) == "||" && x.Lexpr != nil {
			l, r := patternText(x.Lexpr), patternText(x.Rexpr)
			if l != "" && r != "" {
				return l + r
			}
		}
	case *pg.FuncCall:
		// concat('%', $1, '%')
		if lastName(x.Funcname) == "concat" {
			var b strings.Builder
			for _, arg := range x.Args {
				p := patternText(arg)
				if p == "" {
					return ""
				}
				b.WriteString(p)
			}
			return b.String()
		}
	}
	return ""
}

func likePatternFor(op string, n *pg.Node) string {
	if strings.Contains(op, "LIKE") {
		return likePattern(n)
	}
	return ""
}

var negations = map[string]string{
	"=": "<>", "<": ">=", ">": "<=",
	"IN": "NOT IN", "LIKE": "NOT LIKE", "ILIKE": "NOT ILIKE",
	"SIMILAR TO": "NOT SIMILAR TO", "BETWEEN": "NOT BETWEEN",
	"IS NULL": "IS NOT NULL", "IS TRUE": "IS NOT TRUE", "IS FALSE": "IS NOT FALSE",
	"IS UNKNOWN": "IS NOT UNKNOWN", "IS DISTINCT FROM": "IS NOT DISTINCT FROM",
}

// negate returns op, or its negation when neg is set; an operator without
// a named negation becomes "NOT op".
func negate(op string, neg bool) string {
	if !neg {
		return op
	}
	for k, v := range negations {
		if op == k {
			return v
		}
		if op == v {
			return k
		}
	}
	return "NOT " + op
}

// flip returns the operator seen from its right side: $1 < c is c > $1.
func flip(op string) string {
	switch op {
	case "<":
		return ">"
	case ">":
		return "<"
	case "<=":
		return ">="
	case ">=":
		return "<="
	case "@>":
		return "<@"
	case "<@":
		return "@>"
	}
	return op
}
