package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// demoHTMLOptions write the demo fixture as `sqlheat -C testdata/demo
// -format html -link-base ...` would, reading source lines from the demo
// itself.
var demoHTMLOptions = Options{
	PathPrefix: "testdata/demo",
	LinkBase:   "https://github.com/sqlheat/sqlheat/blob/0123456789abcdef/",
	Root:       filepath.Join("..", "..", "testdata", "demo"),
	Commit:     "0123456789ab",
}

func writeHTML(t *testing.T, r *Report, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, "html", opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// The demo's page, parsed: every route a row, in order, with its queries;
// every finding, with its source lines; one card per index; no URL but
// the code links.
func TestHTMLDemo(t *testing.T) {
	r := loadFixture(t, "demo")
	page := writeHTML(t, r, demoHTMLOptions)
	if again := writeHTML(t, r, demoHTMLOptions); !bytes.Equal(page, again) {
		t.Error("second write differs")
	}
	doc := parseHTML(t, page)

	text := textOf(doc)
	for _, want := range []string{
		"example.com/demo", // the module, from testdata/demo/go.mod
		"0123456789ab",
		"traffic.json",
		"Fixing the top 9 findings removes at least 16% of the queries per minute this profile implies (1,970 of 11,740, counting one item per loop).",
		"What the score means",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// Route rows: one <tbody> per route, heaviest first.
	table := byID(doc, "route-table")
	if table == nil {
		t.Fatal("no route table")
	}
	bodies := all(table, func(n *html.Node) bool { return n.DataAtom == atom.Tbody })
	if len(bodies) != len(r.Routes) {
		t.Fatalf("%d route rows, want %d", len(bodies), len(r.Routes))
	}
	var names []string
	last := -1.0
	for _, b := range bodies {
		qpm, err := strconv.ParseFloat(attr(b, "data-qpm"), 64)
		if err != nil {
			t.Fatalf("data-qpm %q: %v", attr(b, "data-qpm"), err)
		}
		if last >= 0 && qpm > last {
			t.Errorf("route %s (%g queries/min) after one with %g", attr(b, "data-name"), qpm, last)
		}
		last = qpm
		names = append(names, attr(b, "data-name"))
	}
	if want := []string{"GET /orders/{id}", "GET /products/{sku}"}; !slices.Equal(names[:2], want) {
		t.Errorf("first routes %v, want %v", names[:2], want)
	}

	// Each route lists its queries: SQL in full and the linked location.
	for i, rt := range r.Routes {
		body := byID(doc, routeID(i))
		if body == nil {
			t.Errorf("route %s: no row", routeName(rt.Method, rt.Pattern))
			continue
		}
		if got := attr(body, "data-name"); got != routeName(rt.Method, rt.Pattern) {
			t.Errorf("%s: data-name %q", routeID(i), got)
		}
		items := all(body, hasClass("query"))
		if len(items) != len(rt.Queries) {
			t.Errorf("%s: %d queries listed, want %d", routeName(rt.Method, rt.Pattern), len(items), len(rt.Queries))
			continue
		}
		for k, q := range rt.Queries {
			li := items[k]
			if sql := find(li, hasClass("sql")); sql == nil || textOf(sql) != q.SQL {
				t.Errorf("%s query %d: SQL %q, want %q", routeName(rt.Method, rt.Pattern), k, textOf(sql), q.SQL)
			}
			loc := find(li, hasClass("loc"))
			wantLoc := fmt.Sprintf("%s:%d", q.File, q.Line)
			wantURL := demoHTMLOptions.LinkBase + "testdata/demo/" + wantLoc[:strings.LastIndex(wantLoc, ":")] + fmt.Sprintf("#L%d", q.Line)
			if loc == nil || textOf(loc) != wantLoc || attr(loc, "href") != wantURL {
				t.Errorf("%s query %d: location %q %q, want %q %q", routeName(rt.Method, rt.Pattern), k, textOf(loc), attr(loc, "href"), wantLoc, wantURL)
			}
		}
		// The route's findings are linked from its row.
		row := find(body, hasClass("route-row"))
		var refs []string
		for _, a := range all(row, hasClass("ref")) {
			refs = append(refs, attr(a, "href"))
		}
		var want []string
		for _, fi := range rt.Findings {
			want = append(want, "#"+findingID(r.Findings[fi]))
		}
		if !slices.Equal(refs, want) {
			t.Errorf("%s: finding links %v, want %v", routeName(rt.Method, rt.Pattern), refs, want)
		}
	}
	// GET /customers/{id}/orders: its per-item query is marked so, and
	// carries the N+1 and SELECT * findings on it.
	orders := byID(doc, "route-6")
	if orders == nil || attr(orders, "data-name") != "GET /customers/{id}/orders" {
		t.Fatalf("route-6 is not GET /customers/{id}/orders")
	}
	perItem := all(orders, hasClass("mult-loop"))
	if len(perItem) != 1 || textOf(perItem[0]) != "per item" {
		t.Errorf("GET /customers/{id}/orders: per-item queries %d", len(perItem))
	} else if q := perItem[0].Parent; !strings.Contains(textOf(q), "#2 queryinloop") || !strings.Contains(textOf(q), "#3 selectstar") {
		t.Errorf("the per-item query's findings: %q", textOf(q))
	}

	// Every finding, in rank order, with its problem, fix and source.
	cards := all(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article && hasClass("finding")(n) })
	if len(cards) != len(r.Findings) {
		t.Fatalf("%d findings shown, want %d", len(cards), len(r.Findings))
	}
	for i, f := range r.Findings {
		card := cards[i]
		if attr(card, "id") != findingID(f) || attr(card, "data-check") != f.Check || attr(card, "data-severity") != f.Severity {
			t.Errorf("card %d: id %s check %s severity %s, want %s", i, attr(card, "id"), attr(card, "data-check"), attr(card, "data-severity"), findingID(f))
		}
		problem, advice := f.problemAndFix()
		if advice == "" {
			t.Errorf("#%d: no fix in %+v", f.Rank, f)
		}
		if h := find(card, func(n *html.Node) bool { return n.DataAtom == atom.H3 }); textOf(h) != problem {
			t.Errorf("#%d: title %q, want %q", f.Rank, textOf(h), problem)
		}
		if fix := find(card, hasClass("fix")); !strings.Contains(textOf(fix), advice) {
			t.Errorf("#%d: fix %q, want %q", f.Rank, textOf(fix), advice)
		}
		hit := find(card, hasClass("hit"))
		if hit == nil {
			t.Errorf("#%d: no source line", f.Rank)
			continue
		}
		src, err := os.ReadFile(filepath.Join(demoHTMLOptions.Root, f.File))
		if err != nil {
			t.Fatal(err)
		}
		line := strings.ReplaceAll(strings.Split(string(src), "\n")[f.Line-1], "\t", "    ")
		if got := textOf(hit); got != strconv.Itoa(f.Line)+line+"\n" {
			t.Errorf("#%d: source line %q, want %d%q", f.Rank, got, f.Line, line)
		}
		if f.SavesPerMin > 0 && !strings.Contains(textOf(card), "fix removes ≥ "+formatNum(f.SavesPerMin)+" queries/min") {
			t.Errorf("#%d: no saving shown", f.Rank)
		}
	}
	// The N+1 across packages shows its chain from the loop to the query.
	chain := find(byID(doc, "finding-2"), hasClass("chain"))
	if got := textOf(chain); !strings.Contains(got, "loop over orders") || !strings.Contains(got, "store.(*Store).OrderItems") || !strings.Contains(got, "internal/store/orders.go:46") {
		t.Errorf("finding 2's chain: %q", got)
	}

	// One card per index, with its statement, a copy button and traffic.
	idx := all(doc, hasClass("index-card"))
	if len(idx) != len(r.Indexes) || len(idx) == 0 {
		t.Fatalf("%d index cards, want %d", len(idx), len(r.Indexes))
	}
	for i, g := range r.Indexes {
		stmt := byID(idx[i], fmt.Sprintf("index-%d-stmt", i+1))
		if textOf(stmt) != g.Statement {
			t.Errorf("index %d: statement %q, want %q", i, textOf(stmt), g.Statement)
		}
		if b := find(idx[i], hasClass("copy")); b == nil || attr(b, "data-copy") != attr(stmt, "id") {
			t.Errorf("index %d: no copy button for its statement", i)
		}
	}
	if got := textOf(idx[0]); !strings.Contains(got, "Serves 1 query, 600 queries/min") || !strings.Contains(got, "No planner verdict") {
		t.Errorf("index card: %q", got)
	}

	// What fixing buys: the findings that remove queries, cumulative.
	buys := find(doc, hasClass("buys"))
	rows := all(buys, func(n *html.Node) bool { return n.DataAtom == atom.Tr && n.Parent.DataAtom == atom.Tbody })
	if len(rows) != 4 || !strings.Contains(textOf(rows[3]), "≥ 16%") {
		t.Errorf("what fixing buys: %d rows, last %q", len(rows), textOf(rows[len(rows)-1]))
	}

	checkSelfContained(t, doc, demoHTMLOptions.LinkBase)
}

// checkSelfContained fails on anything the page would fetch or link to
// outside itself but the code links under linkBase.
func checkSelfContained(t *testing.T, doc *html.Node, linkBase string) {
	t.Helper()
	for _, n := range all(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "href", "action", "srcset", "poster", "data", "formaction":
				if a.Key == "href" && (strings.HasPrefix(a.Val, "#") || linkBase != "" && strings.HasPrefix(a.Val, linkBase)) {
					continue
				}
				t.Errorf("<%s %s=%q>: the page must not load or link outside itself", n.Data, a.Key, a.Val)
			case "style":
				if strings.Contains(a.Val, "url(") {
					t.Errorf("<%s style=%q> loads a URL", n.Data, a.Val)
				}
			}
		}
		if n.DataAtom == atom.Link || n.DataAtom == atom.Iframe || n.DataAtom == atom.Img {
			t.Errorf("<%s>: the page must be one file", n.Data)
		}
		if n.DataAtom == atom.Style || n.DataAtom == atom.Script {
			if s := textOf(n); strings.Contains(s, "url(") || strings.Contains(s, "@import") || strings.Contains(s, "fetch(") || strings.Contains(s, "http") {
				t.Errorf("<%s> refers to something outside the page", n.Data)
			}
		}
	}
}

// With a live database: each finding's evidence, the index cards'
// verdicts, and the database's section with its drift and retractions.
func TestHTMLLive(t *testing.T) {
	r := loadFixture(t, "live")
	r.GroupIndexes()
	doc := parseHTML(t, writeHTML(t, r, Options{}))
	for _, f := range r.Findings {
		ev := find(byID(doc, findingID(f)), hasClass("evidence"))
		if got := textOf(ev); !strings.Contains(got, f.Evidence.Verdict) || !strings.Contains(got, f.Evidence.Summary) || !strings.Contains(got, f.Evidence.PlanNode) {
			t.Errorf("#%d: evidence %q", f.Rank, got)
		}
	}
	if got := textOf(find(byID(doc, "finding-1"), hasClass("evidence"))); !strings.Contains(got, "200,000 rows, 16.6 MB") || !strings.Contains(got, "4,237 → 77.5 with the index (−98%)") || !strings.Contains(got, "the planner uses it") {
		t.Errorf("#1: evidence figures %q", got)
	}
	cards := all(doc, hasClass("index-card"))
	if len(cards) != 2 || !strings.Contains(textOf(cards[0]), "confirmed by the planner") {
		t.Errorf("index cards: %d, first %q", len(cards), textOf(cards[0]))
	}
	live := textOf(byID(doc, "live"))
	for _, want := range []string{"database shop on staging-db:5432", "1 confirmed, 1 downgraded, 1 retracted", "shipments_order_ref_hotfix", "store/store.go:23", "retracted by the planner"} {
		if !strings.Contains(live, want) {
			t.Errorf("live section lacks %q: %q", want, live)
		}
	}
	if find(doc, func(n *html.Node) bool { return attr(n, "href") == "#live" }) == nil {
		t.Error("no link to the live section")
	}
	checkSelfContained(t, doc, "")
}

// Without a profile the page says what the ranking rests on, shows no
// rates, and orders routes by queries per request.
func TestHTMLStatic(t *testing.T) {
	r := loadFixture(t, "demo_static")
	doc := parseHTML(t, writeHTML(t, r, Options{Root: demoHTMLOptions.Root, Commit: "x"}))
	text := textOf(doc)
	for _, want := range []string{"No profile: static ranking", "No traffic profile was given", "These figures need a traffic profile"} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(text, "req/min)") || strings.Contains(text, "queries/min") {
		t.Errorf("a page without profile shows rates")
	}
	last := 1e9
	for _, b := range all(byID(doc, "route-table"), func(n *html.Node) bool { return n.DataAtom == atom.Tbody }) {
		qpr, _ := strconv.ParseFloat(attr(b, "data-qpr"), 64)
		if qpr > last {
			t.Errorf("route %s (%g queries per request) after one with %g", attr(b, "data-name"), qpr, last)
		}
		last = qpr
	}
	if th := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Th && attr(n, "aria-sort") != "" }); !strings.Contains(textOf(th), "Queries per request") {
		t.Errorf("sorted column %q, want queries per request", textOf(th))
	}
	// Without -link-base, locations are text.
	if a := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.A && hasClass("loc")(n) }); a != nil {
		t.Errorf("a location is a link without -link-base: %s", attr(a, "href"))
	}
	checkSelfContained(t, doc, "")
}

// What a writer must survive: markup in messages and paths stays text,
// missing source files and odd severities do not stop the page.
func TestHTMLTricky(t *testing.T) {
	r := loadFixture(t, "tricky")
	opts := Options{Root: t.TempDir(), LinkBase: "https://example.com/r/blob/main"}
	doc := parseHTML(t, writeHTML(t, r, opts))
	if n := find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && (n.Data == "d" || n.Data == "b") }); n != nil {
		t.Errorf("a message's markup became an element <%s>", n.Data)
	}
	text := textOf(doc)
	for _, f := range r.Findings {
		problem, _ := splitAdvice(oneLine(f.Message))
		if !strings.Contains(text, problem) {
			t.Errorf("finding #%d's message is not shown as text: %q", f.Rank, problem)
		}
	}
	if !strings.Contains(text, "source not available") {
		t.Error("a missing source file is not said")
	}
	checkSelfContained(t, doc, opts.LinkBase)

	// A clean run is a page too.
	doc = parseHTML(t, writeHTML(t, loadFixture(t, "empty"), Options{}))
	if !strings.Contains(textOf(doc), "No findings.") {
		t.Error("empty report: no \"No findings.\"")
	}
}

func TestGitCommit(t *testing.T) {
	dir := t.TempDir()
	if got := gitCommit(dir); got != "" {
		t.Errorf("gitCommit outside git = %q", got)
	}
	if got := modulePath(dir); got != "" {
		t.Errorf("modulePath without go.mod = %q", got)
	}
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/x // comment\n\ngo 1.22\n"), 0o644)
	if got := modulePath(dir); got != "example.com/x" {
		t.Errorf("modulePath = %q", got)
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1 kB", 231211008: "231 MB", 1 << 40: "1.1 TB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSplitAdvice(t *testing.T) {
	for _, tc := range []struct{ msg, problem, advice string }{
		{"SELECT * fetches every column: list the columns", "SELECT * fetches every column", "list the columns"},
		{`query "SELECT a::text: b" runs per item: batch it`, `query "SELECT a::text: b" runs per item`, "batch it"},
		{`query "x \": y" runs: fix`, `query "x \": y" runs`, "fix"},
		{"no advice here (a.go:12)", "no advice here (a.go:12)", ""},
	} {
		p, a := splitAdvice(tc.msg)
		if p != tc.problem || a != tc.advice {
			t.Errorf("splitAdvice(%q) = %q, %q; want %q, %q", tc.msg, p, a, tc.problem, tc.advice)
		}
	}
}

// DOM helpers.

func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n == nil {
		return nil
	}
	for d := range n.Descendants() {
		if match(d) {
			out = append(out, d)
		}
	}
	return out
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	for d := range n.Descendants() {
		if match(d) {
			return d
		}
	}
	return nil
}

func byID(n *html.Node, id string) *html.Node {
	return find(n, func(d *html.Node) bool { return d.Type == html.ElementNode && attr(d, "id") == id })
}

func hasClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), class)
	}
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text of n and its descendants, with the line numbers of
// source excerpts.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	if n.Type == html.TextNode {
		return n.Data
	}
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
