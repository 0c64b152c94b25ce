package routes

import (
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A registration whose generated file cannot be read back from disk (a
// path export data trimmed, a file gone since the build) has paths the
// routes pass cannot list: that is said, at the registration, not
// dropped.
func TestGatewayFileUnread(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/nonexistent/shop.pb.gw.go", -1, 100)
	pkg := types.NewPackage("example.com/gen/shoppb", "shoppb")
	fn := types.NewFunc(f.Pos(10), pkg, "RegisterShopHandlerServer", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	a := &analyzer{pass: &analysis.Pass{Fset: fset}}
	for range 2 {
		if g := a.gatewayFile(fn, token.NoPos); g != nil {
			t.Fatalf("gatewayFile read a file that does not exist")
		}
	}
	if len(a.unread) != 1 {
		t.Fatalf("unread %v, want the file once", a.unread)
	}
	if !strings.Contains(a.unread[0].Message, "shop.pb.gw.go") || !strings.Contains(a.unread[0].Message, "RegisterShopHandlerServer") {
		t.Errorf("unread message %q, want it to name the file and the registration", a.unread[0].Message)
	}
}
