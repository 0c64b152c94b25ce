package queryinloop

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Impl is a method that implements an interface method and issues queries.
type Impl struct {
	Name    string // short name: store.(*pgStore).Find
	Summary *queries.IssuesQueries
}

// Possible builds the finding for a call through an interface method in a
// data loop, once a whole-program driver has found the implementations
// that issue queries. A per-package runner (go vet, golangci-lint) cannot
// see them: the implementation usually lives in a package the caller does
// not import, wired together in main. The finding says "possible" because
// which implementation runs is decided at run time.
//
// ok is false when the call is in code the check is silent on. The
// driver passes the finding through the package's suppression filter, as
// a Reporter does for the pass's own (check.Finding.Silenced).
func Possible(fset *token.FileSet, pkg *types.Package, info *types.Info, call *queries.Call, impls []Impl) (f check.Finding, ok bool) {
	items, _ := perItem(call.Loops)
	if len(items) == 0 || len(impls) == 0 || skip(fset, pkg, call.Func, call.Call.Pos()) ||
		carried(info, call.Call, items[len(items)-1]) || chunkedCall(info, call.Call, items[len(items)-1]) {
		return f, false
	}
	sort.Slice(impls, func(i, j int) bool { return impls[i].Name < impls[j].Name })
	var qs []queries.Query
	for _, q := range impls[0].Summary.Queries {
		if q.Kind != "ddl" && q.Kind != "other" {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return f, false
	}
	first := qs[0]
	for _, q := range qs {
		if q.Loop < first.Loop {
			first = q
		}
	}
	var names []string
	for _, im := range impls {
		names = append(names, im.Name)
	}
	msg := fmt.Sprintf("possible N+1: %s is called %s, and its implementation %s runs %s (%s)",
		call.Callee, perPhrase(items), strings.Join(names, ", "), queryName(first), first.Site)
	category := summaryCategory(qs)
	msg += advice(category)
	f.Diagnostic = analysis.Diagnostic{Pos: call.Call.Pos(), Category: category, Message: msg, Related: loopsRelated(items)}
	f.Loops = loopPositions(items)
	f.Detail = finding.Detail{
		SQL: first.SQL, Fingerprint: first.Fingerprint,
		Multiplicity: finding.Multiplicity(len(items)), Confidence: "possible",
		Via: append([]string{call.Callee, impls[0].Name}, first.Via...),
	}
	if call.Func != nil {
		f.Function = call.Func.FullName()
	}
	return f, true
}
