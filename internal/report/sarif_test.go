package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles the official SARIF 2.1.0 schema in testdata, with
// formats ("uri", "uri-reference", "date-time") asserted, not just noted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifSchema(t)
	validate := func(t *testing.T, data []byte) {
		t.Helper()
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("not valid SARIF 2.1.0: %v", err)
		}
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			validate(t, write(t, loadFixture(t, fx.name), "sarif", fx.opts))
		})
	}
	// The validator must be able to fail, or the test proves nothing.
	t.Run("negative", func(t *testing.T) {
		bad := write(t, loadFixture(t, "demo"), "sarif", Options{})
		bad = bytes.Replace(bad, []byte(`"startColumn": 10`), []byte(`"startColumn": 0`), 1)
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
		if err := sch.Validate(doc); err == nil {
			t.Errorf("startColumn 0 validated")
		}
	})
}

// sarifLog is the part of a SARIF log the tests look into.
type sarifLog struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID               string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string
				}
			}
		}
		Results []struct {
			RuleID, Level       string
			RuleIndex           int
			Message             struct{ Text string }
			Locations           []sarifLoc
			RelatedLocations    []sarifLoc
			PartialFingerprints map[string]string
		}
	}
}

type sarifLoc struct {
	ID               int
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation struct{ URI, URIBaseID string }
		Region           *struct{ StartLine, StartColumn int }
	}
}

func readSARIF(t *testing.T, r *Report, opts Options) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(write(t, r, "sarif", opts), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	return log
}

// TestSARIFForGitHub checks what GitHub code scanning relies on beyond the
// schema.
func TestSARIFForGitHub(t *testing.T) {
	r := loadFixture(t, "demo")
	log := readSARIF(t, r, Options{PathPrefix: "testdata/demo", Rules: testRules})
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "sqlheat" || d.Version != "v0.3.0" || d.InformationURI != InformationURI {
		t.Errorf("driver %+v", d)
	}
	rules := map[string]int{}
	for i, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = i
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Text == "" || rule.Help.Markdown == "" {
			t.Errorf("rule %s lacks descriptions or help: %+v", rule.ID, rule)
		}
		if want := "https://github.com/sqlheat/sqlheat/blob/main/passes/" + rule.ID + "/doc.go"; rule.HelpURI != want {
			t.Errorf("rule %s helpUri %s, want %s", rule.ID, rule.HelpURI, want)
		}
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	wantLevel := map[string]string{"high": "error", "medium": "warning", "low": "note"}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleID != f.Check || rules[res.RuleID] != res.RuleIndex {
			t.Errorf("result %d: rule %s index %d", i, res.RuleID, res.RuleIndex)
		}
		if res.Level != wantLevel[f.Severity] {
			t.Errorf("result %d: level %s for %s", i, res.Level, f.Severity)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "testdata/demo/"+f.File || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: location %+v", i, loc.ArtifactLocation)
		}
		if loc.Region.StartLine != f.Line || loc.Region.StartColumn != f.Column {
			t.Errorf("result %d: region %+v", i, *loc.Region)
		}
		if len(res.RelatedLocations) != len(f.Related) {
			t.Errorf("result %d: %d related locations for %d", i, len(res.RelatedLocations), len(f.Related))
		}
		for k, rel := range res.RelatedLocations {
			if rel.ID != k+1 || rel.Message.Text != f.Related[k].Message {
				t.Errorf("result %d related %d: id %d message %q", i, k, rel.ID, rel.Message.Text)
			}
		}
		if fp := res.PartialFingerprints[FingerprintKey]; !strings.HasSuffix(fp, ":1") || len(fp) != 34 {
			t.Errorf("result %d: fingerprint %q", i, fp)
		}
	}
}

func TestSARIFLocations(t *testing.T) {
	r := loadFixture(t, "tricky")
	log := readSARIF(t, r, Options{PathPrefix: "/svc/api/", Rules: testRules})
	res := log.Runs[0].Results
	loc := res[0].Locations[0].PhysicalLocation
	if got := loc.ArtifactLocation.URI; got != "svc/api/internal/my%20store/a,b:c%25d.go" {
		t.Errorf("uri %s", got)
	}
	if loc.Region.StartColumn != 1 {
		t.Errorf("column 0 written as %d, want 1", loc.Region.StartColumn)
	}
	if rel := res[0].RelatedLocations[1]; rel.Message.Text == "" {
		t.Errorf("related location without a message")
	}
	abs := res[1].Locations[0].PhysicalLocation
	if abs.ArtifactLocation.URI != "file:///abs/outside/module.go" || abs.ArtifactLocation.URIBaseID != "" || abs.Region != nil {
		t.Errorf("absolute path, line 0: %+v region %v", abs.ArtifactLocation, abs.Region)
	}
	if res[1].Level != "warning" {
		t.Errorf("unknown severity: level %s", res[1].Level)
	}
	var ids []string
	for _, rule := range log.Runs[0].Tool.Driver.Rules {
		ids = append(ids, rule.ID)
	}
	if got := strings.Join(ids, " "); got != "queryinloop selectstar missingindex handlerquery customcheck" {
		t.Errorf("rules %s", got)
	}
}

// TestSARIFFingerprints checks that an alert's identity survives what
// happens to code between two runs of CI, and tells apart what differs.
func TestSARIFFingerprints(t *testing.T) {
	fp := func(r *Report) []string {
		var out []string
		for _, res := range readSARIF(t, r, Options{}).Runs[0].Results {
			out = append(out, res.PartialFingerprints[FingerprintKey])
		}
		return out
	}
	base := loadFixture(t, "demo")
	want := fp(base)
	seen := map[string]bool{}
	for _, s := range want {
		if seen[s] {
			t.Errorf("two demo findings share fingerprint %s", s)
		}
		seen[s] = true
	}

	// Lines move (code added above), and messages citing lines change.
	moved := loadFixture(t, "demo")
	for i := range moved.Findings {
		f := &moved.Findings[i]
		f.Line += 17
		f.Column += 4
		f.Message = strings.ReplaceAll(f.Message, "line 92", "line 109")
		for k := range f.Related {
			f.Related[k].Line += 17
		}
	}
	if got := fp(moved); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", got, want)
	}

	// Traffic changes reorder the findings: each keeps its fingerprint.
	reranked := loadFixture(t, "demo")
	for i := range reranked.Findings {
		reranked.Findings[i].Score = float64(i)
	}
	reranked.Rank()
	got := fp(reranked)
	for i, f := range reranked.Findings {
		orig := len(base.Findings) - 1 - i // the scores reversed the order
		if base.Findings[orig].File != f.File || got[i] != want[orig] {
			t.Errorf("finding %s:%d: fingerprint %s after reranking, %s before", f.File, f.Line, got[i], want[orig])
		}
	}

	// The same statement twice in one function: told apart by position.
	tricky := fp(loadFixture(t, "tricky"))
	a, b := tricky[0], tricky[2]
	if a[:32] != b[:32] || !strings.HasSuffix(a, ":1") || !strings.HasSuffix(b, ":2") {
		t.Errorf("same statement twice: %s and %s, want one hash with :1 and :2", a, b)
	}
}

// testRules describe the checks as a driver passes them (package analyzer
// derives them from the checks' declarations, which this package does not
// import).
var testRules = []Rule{
	{
		ID:    "queryinloop",
		Title: "Queries executed once per item of a loop (N+1)",
		Text: "A query inside a loop over data costs one round trip per item and grows with the data; " +
			"the check follows calls across functions and packages, and a query run while iterating another query's rows.\n\n" +
			"Fetch everything in one query before the loop (= ANY($1), a JOIN) and group it in Go; " +
			"batch writes (multi-row VALUES, unnest, COPY, pgx.Batch); with gorm, use Preload or Joins.",
		Severity: "high",
	},
	{
		ID:    "selectstar",
		Title: "SELECT * over tables",
		Text: "SELECT * reads every column, including the ones added later, and breaks scans into structs when the table changes.\n\n" +
			"Name the columns the code uses; when the schema is known, the suggested fix lists them in table order.",
		Severity: "low",
	},
	{
		ID:    "missingindex",
		Title: "Filters, joins or sorts that no index serves",
		Text: "A query filters, joins or sorts-with-LIMIT on columns of a table where no index (primary key and unique constraints included) has them as leading columns, " +
			"so the database reads the whole table.\n\n" +
			"The message carries a ready CREATE INDEX CONCURRENTLY statement.",
		Severity: "medium",
	},
	{
		ID:    "handlerquery",
		Title: "Per-request query cost of HTTP routes",
		Text: "Per HTTP route: the queries one request issues (counted through callees and loops), the same statement issued twice in one request, " +
			"queries that ignore the request's context, and routes over the per-request query budget.\n\n" +
			"Pass r.Context() down to every query, load what a request needs once, and keep routes within the budget.",
		Severity: "medium",
	},
}
