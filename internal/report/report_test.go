package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures are the reports in testdata, with the options they are written
// with: the demo lives in testdata/demo of the repository.
var fixtures = []struct {
	name string
	opts Options
}{
	{"demo", Options{PathPrefix: "testdata/demo", LinkBase: "https://github.com/sqlheat/sqlheat/blob/0123456789abcdef/", Top: 5, Rules: testRules}},
	{"demo_static", Options{PathPrefix: "testdata/demo", Rules: testRules}},
	{"tricky", Options{PathPrefix: "/svc/api/", LinkBase: "https://example.com/r/blob/main", Top: 1, Rules: testRules}},
	{"dbtime", Options{Rules: testRules}},
	{"live", Options{Rules: testRules}},
	{"empty", Options{Rules: testRules}},
}

// goldenFormats are the outputs checked against golden files, by the
// extension of their file.
var goldenFormats = []struct{ ext, format string }{
	{".ranked.txt", "text"}, // Write's text: ranked when the report has traffic
	{".sarif", "sarif"},
	{".md", "markdown"},
	{".github.txt", "github"},
}

func loadFixture(t *testing.T, name string) *Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // the fixtures use the contract's names only
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return &r
}

func write(t *testing.T, r *Report, format string, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, format, opts); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	for _, fx := range fixtures {
		for _, gf := range goldenFormats {
			t.Run(fx.name+gf.ext, func(t *testing.T) {
				r := loadFixture(t, fx.name)
				got := write(t, r, gf.format, fx.opts)
				golden(t, filepath.Join("testdata", fx.name+gf.ext), got)
				// Writers must not change the report, and write the same twice.
				if again := write(t, r, gf.format, fx.opts); !bytes.Equal(got, again) {
					t.Errorf("second write differs")
				}
			})
		}
	}
}

// TestJSONRoundTrip checks that the v1 contract survives: a report read
// back from WriteJSON is the report, and the names DESIGN.md shows are
// the names written.
func TestJSONRoundTrip(t *testing.T) {
	r := loadFixture(t, "demo")
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	WriteJSON(&b2, &back)
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Errorf("JSON round trip changed the report")
	}
	for _, key := range []string{`"version": 1`, `"findings"`, `"check"`, `"severity"`, `"file"`, `"line"`, `"column"`,
		`"function"`, `"message"`, `"sql"`, `"fingerprint"`, `"multiplicity"`, `"via"`, `"routes"`, `"method"`,
		`"pattern"`, `"rate"`, `"score"`, `"rank"`, `"suggestion"`, `"handler"`, `"queries_per_request"`, `"min"`,
		`"loop"`, `"stats"`, `"packages"`, `"query_sites"`, `"unresolved"`, `"unparsed"`, `"traffic_unmatched"`} {
		if !bytes.Contains(b.Bytes(), []byte(key)) {
			t.Errorf("JSON report lacks %s", key)
		}
	}
	// An empty report still has arrays, never null, and routes' findings too.
	empty := &Report{Version: Version, Routes: []Route{{Method: "GET", Pattern: "/"}}}
	b.Reset()
	WriteJSON(&b, empty)
	if s := b.String(); !strings.Contains(s, `"findings": []`) || strings.Contains(s, "null") {
		t.Errorf("empty report:\n%s", s)
	}
}

func TestRankFollowsRoutes(t *testing.T) {
	r := &Report{
		Findings: []Finding{
			{File: "a.go", Line: 1, Score: 1, Message: "cold"},
			{File: "b.go", Line: 1, Score: 5, ScoreBasis: BasisStatic, Message: "static"},
			{File: "c.go", Line: 1, Score: 3, ScoreBasis: BasisTraffic, Message: "warm"},
			{File: "d.go", Line: 1, Score: 0.5, ScoreBasis: BasisDBTime, Message: "measured"},
			{File: "e.go", Line: 1, Score: 9, ScoreBasis: BasisTraffic, Message: "hot"},
		},
		Routes: []Route{{Findings: []int{0, 2, 4}}, {Findings: []int{1}}, {Findings: nil}},
	}
	r.Rank()
	var got []string
	for i, f := range r.Findings {
		got = append(got, f.Message)
		if f.Rank != i+1 {
			t.Errorf("%s: rank %d at %d", f.Message, f.Rank, i)
		}
	}
	// Measured first, then traffic by score, then the rest by score.
	if want := []string{"measured", "hot", "warm", "static", "cold"}; !slices.Equal(got, want) {
		t.Errorf("ranked %v, want %v", got, want)
	}
	if want := []int{1, 2, 4}; !slices.Equal(r.Routes[0].Findings, want) {
		t.Errorf("route 0 findings %v, want %v (cold, warm, hot at their new places)", r.Routes[0].Findings, want)
	}
	if want := []int{3}; !slices.Equal(r.Routes[1].Findings, want) {
		t.Errorf("route 1 findings %v, want %v", r.Routes[1].Findings, want)
	}
}

func TestFormatNum(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {1, "1"}, {999, "999"}, {1000, "1,000"}, {36000, "36,000"}, {1234567.8, "1,234,568"},
		{1.7, "1.7"}, {1.75, "1.75"}, {0.125, "0.13"}, {12.5, "12.5"}, {87.125, "87.1"}, {99.96, "100"},
		{0.001, "0"}, {-1500, "-1,500"},
	} {
		if got := formatNum(tc.in); got != tc.want {
			t.Errorf("formatNum(%g) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRouteSummary(t *testing.T) {
	r := &Report{Traffic: &Traffic{File: "t.json", Format: "json"}}
	for _, tc := range []struct {
		rt   Route
		want string
	}{
		{Route{Method: "GET", Pattern: "/orders/{id}", Rate: 3000, QueriesPerRequest: QueriesPerReq{Min: 2, Loop: true}},
			"GET /orders/{id}: 3,000 req/min × (2 + 1 per item) queries = 9,000+ queries/min"},
		{Route{Method: "POST", Pattern: "/orders", Rate: 150, QueriesPerRequest: QueriesPerReq{Min: 3, Loop: true, PerItem: 2}},
			"POST /orders: 150 req/min × (3 + 2 per item) queries = 750+ queries/min"},
		{Route{Method: "GET", Pattern: "/me", Rate: 900, QueriesPerRequest: QueriesPerReq{Min: 1}},
			"GET /me: 900 req/min × 1 query = 900 queries/min"},
		{Route{Method: "GET", Pattern: "/healthz", Rate: 120},
			"GET /healthz: 120 req/min × 0 queries"},
		{Route{Pattern: "/static/", Rate: 0, QueriesPerRequest: QueriesPerReq{Min: 2}},
			"/static/: 0 req/min × 2 queries"},
	} {
		if got := routeSummary(r, tc.rt); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

func TestNewRule(t *testing.T) {
	const doc = `report queries executed once per item of a loop (N+1)

A query inside a loop over data costs one round trip per item.

	for _, o := range orders {
		store.Items(ctx, o.ID)
	}

Fetch everything in one query.`
	r := NewRule("queryinloop", doc, "https://example.com/doc")
	if r.Title != "Queries executed once per item of a loop (N+1)" {
		t.Errorf("title %q", r.Title)
	}
	if !strings.HasPrefix(r.Text, "A query inside") || !strings.HasSuffix(r.Text, "one query.") {
		t.Errorf("text %q", r.Text)
	}
	md := helpMarkdown(r)
	for _, want := range []string{"**Queries executed once per item of a loop (N+1)**", "```go\nfor _, o := range orders {\n\tstore.Items(ctx, o.ID)\n}\n```", "[Documentation](https://example.com/doc)"} {
		if !strings.Contains(md, want) {
			t.Errorf("help markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &Report{}, "xml", Options{}); err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Errorf("unknown format: %v", err)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT * FROM t | u":      `SELECT \* FROM t \| u`,
		"a_b `c` <d> [e](f) ~g~ #": "a\\_b \\`c\\` \\<d\\> \\[e\\](f) \\~g\\~ \\#",
		"line\nbreak":              "line break",
	} {
		if got := escapeCell(in); got != want {
			t.Errorf("escapeCell(%q) = %q, want %q", in, got, want)
		}
	}
	if got := escapeCode("GET /a|b `x`"); got != `GET /a\|b ˋxˋ` {
		t.Errorf("escapeCode: %q", got)
	}
	// No table row may have more cells than its header: every "|" in
	// content is escaped.
	r := loadFixture(t, "tricky")
	md := string(write(t, r, "markdown", Options{}))
	var header int
	for line := range strings.SplitSeq(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		cells := len(strings.Split(strings.ReplaceAll(line, `\|`, ""), "|"))
		if header == 0 {
			header = cells
		} else if cells != header {
			t.Errorf("row has %d cells, header %d: %s", cells-2, header-2, line)
		}
	}
}

// One index serving several queries is one suggestion, listing them all.
func TestGroupIndexes(t *testing.T) {
	r := &Report{Findings: []Finding{
		{Check: "missingindex", Score: 5, Suggestion: "CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id); (note)"},
		{Check: "selectstar", Score: 4},
		{Check: "missingindex", Score: 3, Suggestion: "CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id); (note)"},
		{Check: "missingindex", Score: 7, Suggestion: "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);"},
	}}
	r.GroupIndexes()
	if len(r.Indexes) != 2 {
		t.Fatalf("indexes = %+v", r.Indexes)
	}
	if g := r.Indexes[0]; g.Statement != "CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);" || g.Score != 8 || len(g.Findings) != 2 || g.Findings[1] != 2 {
		t.Errorf("first group = %+v", g)
	}
	if pluralNoun(2, "query") != "queries" || pluralNoun(2, "finding") != "findings" {
		t.Error("plural")
	}
}

// The Markdown summary never cuts a finding's text: the fix stays in view
// (a statement it names as code) and a long problem folds into <details>
// with its whole text. A message that carries its own advice ("problem:
// advice") is shown the same way.
func TestMarkdownKeepsFix(t *testing.T) {
	long := &Report{Findings: []Finding{{
		Check: "queryinloop", Severity: "high", File: "a.go", Line: 1, Rank: 1,
		Message: `query "` + strings.Repeat("SELECT x FROM t WHERE y = $1 ", 10) + `" runs once per item of ids: fetch them all at once (= ANY($1))`,
	}}}
	const stmt = "CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);"
	index := &Report{Findings: []Finding{{
		Check: "missingindex", Severity: "medium", File: "a.go", Line: 2, Rank: 1,
		Message: "no index serves the equality filter on orders(customer_id): every call reads the whole table",
		Fix:     "add " + stmt + ", or drop the filter", Suggestion: stmt,
	}}}
	for _, r := range []*Report{long, index, loadFixture(t, "demo"), loadFixture(t, "tricky")} {
		md := string(write(t, r, "markdown", Options{Top: 3}))
		for _, f := range r.Findings[:min(len(r.Findings), 3+mdMoreFindings)] {
			problem, fix := f.problemAndFix()
			if sug := oneLine(f.Suggestion); sug != "" && strings.Contains(fix, sug) {
				before, after, _ := strings.Cut(fix, sug)
				fix = escapeMD(before) + "`" + escapeCode(sug) + "`" + escapeMD(after)
			} else {
				fix = escapeCell(fix)
			}
			if !strings.Contains(md, escapeCell(problem)) || !strings.Contains(md, fix) {
				t.Errorf("#%d: the Markdown lacks part of %q, fix %q:\n%s", f.Rank, f.Message, f.Fix, md)
			}
		}
	}
	md := string(write(t, long, "markdown", Options{}))
	if !strings.Contains(md, "<details><summary>query") || !strings.Contains(md, "</details><br>**Fix:** fetch them all at once") {
		t.Errorf("a long problem is not folded before its fix:\n%s", md)
	}
	md = string(write(t, index, "markdown", Options{}))
	if !strings.Contains(md, "<br>**Fix:** add `"+stmt+"`, or drop the filter |") {
		t.Errorf("the fix's statement is not code:\n%s", md)
	}
}

// The note every CREATE INDEX CONCURRENTLY needs is said once, in the
// indexes to add, however many findings suggest one; a report without
// such a statement says nothing of it.
func TestIndexNotesOnce(t *testing.T) {
	r := loadFixture(t, "demo")
	r.Findings = append(r.Findings, Finding{Check: "missingindex", Rank: len(r.Findings) + 1,
		Suggestion: "CREATE INDEX CONCURRENTLY idx_products_name_trgm ON products USING gin (name gin_trgm_ops);"})
	r.GroupIndexes()
	if len(r.Indexes) < 2 {
		t.Fatalf("indexes: %+v", r.Indexes)
	}
	for _, format := range []string{"text", "markdown", "html"} {
		out := string(write(t, r, format, Options{}))
		if n := strings.Count(out, "cannot run inside a transaction"); n != 1 {
			t.Errorf("%s: the CONCURRENTLY note is said %d times", format, n)
		}
		if n := strings.Count(out, "needs the pg"); n != 1 {
			t.Errorf("%s: the pg_trgm note is said %d times", format, n)
		}
		if i, j := strings.Index(out, "Indexes to add"), strings.Index(out, "cannot run inside a transaction"); i < 0 || j < i {
			t.Errorf("%s: the note is not in the indexes to add", format)
		}
	}
	r.Indexes = nil
	for _, format := range []string{"text", "markdown", "html"} {
		if out := string(write(t, r, format, Options{})); strings.Contains(out, "cannot run inside a transaction") {
			t.Errorf("%s: the note without an index to add", format)
		}
	}
}

// The files with database code that build tags left out are said where
// the other counts are, in Markdown and HTML, with the -tags to run
// with; a report without them has no trace of them, in JSON either.
func TestExcludedByTagsShown(t *testing.T) {
	r := &Report{Stats: Stats{ExcludedByTags: &ExcludedByTags{
		Files: []ExcludedFile{{File: "store/adapter_mysql.go", Tags: []string{"mysql"}}, {File: "pg/pg.go", Tags: []string{"postgres"}}},
		Tags:  []string{"mysql", "postgres"}, Flag: "-tags mysql,postgres",
	}}}
	const hint = "2 files with database code are left out by build tags (mysql, postgres): run with -tags mysql,postgres to analyze them"
	if got := r.Stats.ExcludedByTags.Hint(); got != hint {
		t.Errorf("hint %q, want %q", got, hint)
	}
	one := &ExcludedByTags{Files: []ExcludedFile{{File: "a.go", Tags: []string{"mysql"}}}, Tags: []string{"mysql"}, Flag: "-tags mysql"}
	if got, want := one.Hint(), "1 file with database code is left out by a build tag (mysql): run with -tags mysql to analyze it"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
	md := string(write(t, r, "markdown", Options{}))
	if !strings.Contains(md, escapeMD(hint)) {
		t.Errorf("markdown has no hint:\n%s", md)
	}
	page := string(writeHTML(t, r, Options{}))
	if !strings.Contains(page, hint) || !strings.Contains(page, "files with database code left out by build tags") {
		t.Errorf("html has no hint")
	}
	for _, format := range []string{"markdown", "html", "json"} {
		out := string(write(t, &Report{}, format, Options{}))
		if strings.Contains(out, "build tag") || strings.Contains(out, "excluded_by_tags") {
			t.Errorf("%s mentions build tags with none left out", format)
		}
	}
}
