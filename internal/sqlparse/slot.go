package sqlparse

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Slot is where a piece of text a program formats into a statement at run
// time stands in the statement's parse tree. In a value, every piece is
// the same statement with other constants: run once per item of a list,
// one statement with all the items would do. In a name, every piece is
// another statement (DELETE FROM <each table>): there is nothing to run
// once for all of them.
type Slot uint8

const (
	// SlotNone: the text does not parse, or the piece is not in it (a
	// comment).
	SlotNone Slot = iota
	// SlotValue: a constant or an operand where a value stands (WHERE id
	// = x, IN (x), LIMIT x, 'x', SET c = x), or a bare word where a
	// column and a value would read alike (c = x).
	SlotValue
	// SlotColumn: a bare word in a place where a value could stand but
	// a column is what is meant (ORDER BY x, GROUP BY x, SELECT x FROM,
	// WHERE x = $1, x IS NULL): a column unless the program formats a
	// number there.
	SlotColumn
	// SlotName: a name or part of one, where no value can stand: a
	// table or schema (FROM x, x.t, t_x), a qualified column (t.x), a
	// function, a type, an alias, a column list (INSERT INTO t (x)),
	// an operator.
	SlotName
)

func (s Slot) String() string {
	return [...]string{"none", "value", "column", "name"}[s]
}

// SlotOf parses text and says where word, an identifier standing for a
// piece formatted in at run time, stands in it: the highest slot of its
// occurrences (a piece named once and compared once makes each piece
// another statement all the same). word must be a lower-case identifier
// that the text does not otherwise hold.
func SlotOf(text, word string) Slot {
	tree, err := pg.Parse(Normalize(text))
	if err != nil {
		return SlotNone
	}
	slot := SlotNone
	for _, raw := range tree.Stmts {
		walkPath(raw.Stmt, nil, func(m proto.Message, path []step) {
			if s := slotIn(m, path, word); s > slot {
				slot = s
			}
		})
	}
	return slot
}

// step is one message on the way down to another, and the field of it
// that was followed.
type step struct {
	m     proto.Message
	field string
}

// walkPath calls visit for m and every message below it, Node wrappers
// unwrapped, with the messages above it (the last is its parent).
func walkPath(m proto.Message, path []step, visit func(proto.Message, []step)) {
	if n, ok := m.(*pg.Node); ok {
		m = inner(n)
	}
	if m == nil {
		return
	}
	visit(m, path)
	path = append(path, step{m: m})
	m.ProtoReflect().Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		path[len(path)-1].field = string(fd.Name())
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walkPath(l.Get(i).Message().Interface(), path, visit)
			}
			return true
		}
		walkPath(v.Message().Interface(), path, visit)
		return true
	})
}

// slotIn is the slot of word in m's own text fields, SlotNone when they
// do not hold it.
func slotIn(m proto.Message, path []step, word string) Slot {
	holds := false
	m.ProtoReflect().Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() == protoreflect.StringKind && !fd.IsList() && strings.Contains(v.String(), word) {
			holds = true
		}
		return !holds
	})
	if !holds {
		return SlotNone
	}
	var parent proto.Message
	if len(path) > 0 {
		parent = path[len(path)-1].m
	}
	switch x := m.(type) {
	case *pg.Float, *pg.BitString:
		return SlotValue // a constant's text
	case *pg.String:
		switch p := parent.(type) {
		case *pg.A_Const:
			return SlotValue // 'x'
		case *pg.ColumnRef:
			if len(p.Fields) > 1 || x.Sval != word {
				return SlotName // t.x, x.c, c_x
			}
			return bareColumn(path[:len(path)-1], p)
		}
		return SlotName // a function's, a type's, an operator's name
	}
	// A string field of another node: a table (RangeVar), an alias, a
	// target's column (INSERT INTO t (x), UPDATE t SET x = ...), an
	// index or a constraint.
	return SlotName
}

// bareColumn is the slot of a one-word column reference cr, reached by
// path: a column where the place wants one (a sort key, a grouping, an
// output column, an operand compared with no column), a value where the
// word could be either (c = x, f(x), VALUES (x), SET c = x).
func bareColumn(path []step, cr *pg.ColumnRef) Slot {
	if len(path) == 0 {
		return SlotValue
	}
	up := path[len(path)-1]
	switch p := up.m.(type) {
	case *pg.SortBy, *pg.NullTest, *pg.BooleanTest:
		return SlotColumn
	case *pg.SelectStmt:
		if up.field == "group_clause" || up.field == "distinct_clause" {
			return SlotColumn
		}
	case *pg.ResTarget:
		if len(path) < 2 {
			return SlotValue
		}
		holder := path[len(path)-2]
		switch holder.m.(type) {
		case *pg.SelectStmt:
			if holder.field == "target_list" {
				return SlotColumn // SELECT x FROM
			}
		case *pg.InsertStmt, *pg.UpdateStmt, *pg.DeleteStmt, *pg.MergeStmt:
			if holder.field == "returning_list" {
				return SlotColumn // RETURNING x
			}
		}
	case *pg.A_Expr:
		other := p.Rexpr
		if up.field == "rexpr" {
			other = p.Lexpr
		}
		if other != nil && !has[*pg.ColumnRef](other) {
			return SlotColumn // x = $1, x > now() - interval '1 day'
		}
	}
	return SlotValue
}
