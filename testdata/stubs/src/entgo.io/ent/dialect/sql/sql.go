// Package sql is a stub of entgo.io/ent/dialect/sql: the predicates
// and order terms generated code calls.
package sql

// Selector builds a SELECT.
type Selector struct{}

// Where adds a predicate.
func (s *Selector) Where(p *Predicate) *Selector { return s }

// C qualifies a column.
func (s *Selector) C(column string) string { return column }

// Predicate is a condition.
type Predicate struct{}

func FieldEQ(name string, v any) func(*Selector)                { return nil }
func FieldNEQ(name string, v any) func(*Selector)               { return nil }
func FieldIn[T any](name string, vs ...T) func(*Selector)       { return nil }
func FieldGT(name string, v any) func(*Selector)                { return nil }
func FieldContains(name string, v string) func(*Selector)       { return nil }
func FieldIsNull(name string) func(*Selector)                   { return nil }
func AndPredicates[P ~func(*Selector)](ps ...P) func(*Selector) { return nil }
func OrPredicates[P ~func(*Selector)](ps ...P) func(*Selector)  { return nil }
func NotPredicates[P ~func(*Selector)](p P) func(*Selector)     { return nil }
func EQ(col string, v any) *Predicate                           { return nil }

// OrderTermOption is an option of an order term.
type OrderTermOption func(*OrderTermOptions)

// OrderTermOptions are the options of an order term.
type OrderTermOptions struct{ Desc bool }

// OrderDesc orders descending.
func OrderDesc() OrderTermOption { return func(o *OrderTermOptions) { o.Desc = true } }

// OrderFieldTerm orders by a field.
type OrderFieldTerm struct{ Field string }

// OrderByField orders by field.
func OrderByField(field string, opts ...OrderTermOption) *OrderFieldTerm {
	return &OrderFieldTerm{Field: field}
}

// ToFunc is the term as a selector option.
func (f *OrderFieldTerm) ToFunc() func(*Selector) { return nil }
