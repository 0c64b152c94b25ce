package queries

import (
	"go/types"
)

// Lists of an enumerated type's values. A range over a list whose items
// are values of a type its package enumerates as constants,
//
//	type IntegrationType string
//	const (
//		IntegrationTypeLinear IntegrationType = "Linear"
//		IntegrationTypeJira   IntegrationType = "Jira"
//		...
//	)
//	for _, s := range input.Integrations { ... } // []*IntegrationType
//
// (a GraphQL enum's values a user ticks, a protobuf enum's, the kinds an
// operation asks for, the keys of a map keyed by the type) runs at most
// as many times as the type has values: each is given once, so the
// list is small by its domain however it is built. The count of the
// package's constants of the type bounds the loop, a fixed count like a
// literal's (a type of more than a few values is data). At least three
// constants make an enumeration: a type with one or two named values
// (`const System UserID = "system"`) is an identifier type that names
// its special cases, and lists of it are data.

// minEnum is the fewest constants of a type that make it an enumeration.
const minEnum = 3

// enumValues is the number of values of the enumerated type (see above)
// a list of type t holds items of: its elements' (through a pointer),
// or its keys' for a map; false when they are of no such type.
func (r *resolver) enumValues(t types.Type) (int, bool) {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Map:
		elem = u.Key()
	default:
		return 0, false
	}
	if p, ok := elem.(*types.Pointer); ok {
		elem = p.Elem()
	}
	n, ok := types.Unalias(elem).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.TypeArgs().Len() > 0 {
		return 0, false
	}
	b, ok := n.Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
		return 0, false
	}
	obj := n.Obj()
	count, seen := r.enums[obj]
	if !seen {
		scope := obj.Pkg().Scope()
		for _, name := range scope.Names() {
			if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
				count++
			}
		}
		if r.enums == nil {
			r.enums = map[*types.TypeName]int{}
		}
		r.enums[obj] = count
	}
	return count, count >= minEnum
}
