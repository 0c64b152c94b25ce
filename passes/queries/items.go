package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// A loop's item formatted into a statement's text makes a different
// statement per item when it lands in a name:
//
//	for _, table := range tables {
//		tx.Exec(fmt.Sprintf("DELETE FROM %s WHERE tenant_id = $1", table), id)
//	}
//
// runs one DELETE per table, which no single statement replaces: the loop
// runs a list of statements, as a migration runner's does (LoopStatements),
// not one statement per item. Where the item lands in a value (`WHERE id
// = %d`, `'%s'`, `IN (%s)`) every item is the same statement with other
// constants: the N+1 itself, reported as before.
//
// Where a piece lands is the parser's to say, not the text's: a piece the
// resolver cannot know but that varies with a loop's item (the loop's
// variable, a field of it, a value the body derives from it) is written
// as a mark naming its loop; once the text is whole, each loop's marks
// are parsed as an identifier (sqlparse.SlotOf) while the other pieces
// stay parameters, as they are in the text the checks see.

// itemOf is a loop whose item a piece of text varies with, and whether
// the piece is a number (a number where a column or a value could stand
// is a value: `SELECT %d, now()`; glued to a name it is still part of
// the name: `events_%d`).
type itemOf struct {
	loop   ast.Stmt
	number bool
}

// itemMark opens and closes the mark of a piece a loop's item gives the
// text: itemMark, the piece's number in resolver.items, itemMark.
const itemMark = "\x01"

// itemWord is what a piece is parsed as to find where it stands: an
// identifier no program writes.
const itemWord = "sqlheat_item"

// itemPiece is the text of a piece loop's item gives the text.
func (r *resolver) itemPiece(loop ast.Stmt, number bool) sqlText {
	k := itemOf{loop: loop, number: number}
	n, ok := r.itemNum[k]
	if !ok {
		n = len(r.items)
		r.items = append(r.items, k)
		r.itemNum[k] = n
	}
	return sqlText{SQL: itemMark + strconv.Itoa(n) + itemMark, OK: true, Param: -1}
}

// itemLoop is a loop around e whose item e varies with: e reads the key
// or value of a range statement, the counter of a for statement, or a
// local variable set from one of them (name := strings.ToLower(t.Name)
// in the loop's body); nil when it reads none. A loop that does not hold
// e is not one: what it built (a list of the items' keys) is read once,
// after it. seen guards against variables set from each other.
func (r *resolver) itemLoop(e ast.Expr, seen map[*types.Var]bool, depth int) ast.Stmt {
	return r.itemLoopAt(e, e.Pos(), seen, depth)
}

func (r *resolver) itemLoopAt(e ast.Expr, at token.Pos, seen map[*types.Var]bool, depth int) ast.Stmt {
	if depth > maxDepth {
		return nil
	}
	holds := func(l ast.Stmt) bool { return l.Pos() <= at && at < l.End() }
	info := r.pass.TypesInfo
	var loop ast.Stmt
	ast.Inspect(e, func(n ast.Node) bool {
		if loop != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // code of its own, run who knows when
		}
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || seen[v] {
			return true
		}
		seen[v] = true
		if rs := r.ranged[v]; rs != nil && holds(rs) {
			loop = rs
			return false
		}
		if fs := r.counters[v]; fs != nil && holds(fs) {
			loop = fs
			return false
		}
		for _, w := range r.writes[v] {
			from := w.rhs
			if w.call != nil {
				from = w.call // b.WriteString(t.Name)
			}
			if from == nil {
				continue // var s string
			}
			if loop = r.itemLoopAt(from, at, seen, depth+1); loop != nil {
				return false
			}
		}
		return true
	})
	return loop
}

// finish is the outermost text of an expression: a loop whose item
// names what it acts on marked as running a statement per item, the
// pieces numbered as parameters.
func (r *resolver) finish(t sqlText) sqlText {
	return numbered(r.itemNames(t))
}

// itemNames sets t.each to a loop whose item stands in a name of t's
// statement (or is, as a word, a column where a value could stand too)
// when nothing else did.
func (r *resolver) itemNames(t sqlText) sqlText {
	if !t.OK || t.each != nil || !strings.Contains(t.SQL, itemMark) {
		return t
	}
	for _, k := range itemsIn(t.SQL) {
		it := r.items[k]
		text := numberParams(plainItems(t.SQL, k, itemWord))
		switch sqlparse.SlotOf(text, itemWord) {
		case sqlparse.SlotName:
		case sqlparse.SlotColumn:
			if it.number {
				continue
			}
		default:
			continue
		}
		t.each = it.loop
		return t
	}
	return t
}

// itemsIn are the numbers of the item marks in s, each once, in order.
func itemsIn(s string) []int {
	var out []int
	seen := map[int]bool{}
	for {
		i := strings.Index(s, itemMark)
		if i < 0 {
			return out
		}
		j := strings.Index(s[i+1:], itemMark)
		if j < 0 {
			return out
		}
		if n, err := strconv.Atoi(s[i+1 : i+1+j]); err == nil && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
		s = s[i+1+j+1:]
	}
}

// plainItems writes the marks of item keep as word and every other item
// mark as the number mark: a parameter, as any piece the resolver cannot
// know. keep -1 keeps none.
func plainItems(s string, keep int, word string) string {
	if !strings.Contains(s, itemMark) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, itemMark)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+1:], itemMark)
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		if n, err := strconv.Atoi(s[i+1 : i+1+j]); err == nil && n == keep {
			b.WriteString(word)
		} else {
			b.WriteString(numberMark)
		}
		s = s[i+1+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// isNumber reports whether t is a number type.
func isNumber(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}
