package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/driver"
	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/bookshop is an sqlc project: sqlc.yaml, the schema, two query
// files and the Go sqlc generated from them (written by hand as sqlc
// writes it: the stars expanded, one constant per query), and an API that
// calls a generated method in a loop. ListRecentBooks was added to
// books.sql after the last `sqlc generate`; ExportBooks' star is
// silenced by a -- sqlheat:ignore comment.
const bookshop = "../../testdata/bookshop"

var bookshopFindings = []string{
	"missingindex db/queries/books.sql:2",  // ListBooksByAuthor: books(author_id)
	"missingindex db/queries/books.sql:11", // ListRecentBooks, not generated: books(published_at)
	"queryinloop internal/api/api.go:28",   // ListBooksByAuthor per author
	"selectstar db/queries/authors.sql:2",  // GetAuthor
	"selectstar db/queries/books.sql:2",    // ListBooksByAuthor
	"selectstar db/queries/books.sql:11",   // ListRecentBooks
}

// testdata/notes keeps its queries in a named-query file that goyesql
// (struct fields tagged query:"name") and dotsql (by name) load.
const notes = "../../testdata/notes"

var notesFindings = []string{
	"missingindex internal/store/queries/notes.sql:7",  // notes-by-owner, through dotsql
	"missingindex internal/store/queries/notes.sql:16", // search-titles, run nowhere: checked on its own
	"queryinloop internal/api/api.go:24",               // note-tags (a tagged field) per note
	"selectstar internal/store/queries/notes.sql:4",    // get-note (a tagged *sql.Stmt field)
}

func runJSON(t *testing.T, dir string) report.Report {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := driver.Main([]string{"-C", dir, "-format", "json", "./..."}, &stdout, &stderr)
	if code != driver.ExitFindings {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, driver.ExitFindings, stderr.String())
	}
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout.String())
	}
	return rep
}

func init() {
	slices.Sort(bookshopFindings)
	slices.Sort(notesFindings)
}

func findingKeys(rep report.Report) []string {
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Check+" "+f.File+":"+itoa(f.Line))
	}
	slices.Sort(got)
	return got
}

// The standalone driver reports the SQL-text checks on the lines of the
// .sql files (JSON file = the .sql path, relative to the module root),
// with the generated Go as related places, linked to the routes that run
// them; queryinloop stays at the Go call and names the query by its sqlc
// name and .sql place.
func TestSQLC(t *testing.T) {
	rep := runJSON(t, bookshop)
	if got := findingKeys(rep); !slices.Equal(got, bookshopFindings) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(bookshopFindings, "\n"))
	}
	for _, f := range rep.Findings {
		switch {
		case f.Check == "selectstar" && f.File == "db/queries/books.sql" && f.Line == 2:
			if f.Column != 8 || !strings.HasPrefix(f.Message, "query ListBooksByAuthor: SELECT * fetches every column of books") {
				t.Errorf("star finding: column %d, message %q", f.Column, f.Message)
			}
			if f.Function != "(*example.com/bookshop/internal/db.Queries).ListBooksByAuthor" {
				t.Errorf("star finding: function %q", f.Function)
			}
			var related []string
			for _, l := range f.Related {
				related = append(related, l.File+":"+itoa(l.Line)+" "+l.Message)
			}
			want := []string{
				"internal/db/books.sql.go:62 the Go constant generated from this query",
				"internal/db/books.sql.go:68 run by db.(*Queries).ListBooksByAuthor",
			}
			if !slices.Equal(related, want) {
				t.Errorf("star finding: related %q, want %q", related, want)
			}
			// GET /shelves runs it once per author: the route reaches the
			// .sql finding through the generated call.
			if len(f.Routes) != 1 || f.Routes[0].Pattern != "/shelves" || f.Multiplicity != "loop" {
				t.Errorf("star finding: routes %+v, multiplicity %q; want GET /shelves, loop", f.Routes, f.Multiplicity)
			}
		case f.Check == "missingindex" && f.Line == 11:
			if len(f.Related) != 0 || f.Function != "" || len(f.Routes) != 0 {
				t.Errorf("a block no Go runs has no Go places, function or routes: %+v", f)
			}
			if f.Suggestion != "CREATE INDEX CONCURRENTLY idx_books_published_at ON books (published_at);" {
				t.Errorf("suggestion %q", f.Suggestion)
			}
		case f.Check == "queryinloop":
			const want = "db.(*Queries).ListBooksByAuthor runs query ListBooksByAuthor (db/queries/books.sql:1), and is called once per item of authors"
			if !strings.HasPrefix(f.Message, want) {
				t.Errorf("queryinloop message %q, want it to start %q", f.Message, want)
			}
		}
	}
}

// SARIF locates the findings in the .sql files (relative to the
// repository root, as GitHub code scanning wants them: this one's).
func TestSQLCSARIF(t *testing.T) {
	var stdout, stderr bytes.Buffer
	driver.Main([]string{"-C", bookshop, "-format", "sarif", "./..."}, &stdout, &stderr)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not SARIF: %v\n%s", err, stdout.String())
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		uri := strings.TrimPrefix(l.ArtifactLocation.URI, "testdata/bookshop/")
		got = append(got, r.RuleID+" "+uri+":"+itoa(l.Region.StartLine))
		if l.Region.StartColumn < 1 {
			t.Errorf("%s: startColumn %d", r.RuleID, l.Region.StartColumn)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, bookshopFindings) {
		t.Errorf("SARIF results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(bookshopFindings, "\n"))
	}
}

// Named queries: a struct field tagged query:"note-tags" runs its block's
// SQL, and dotsql runs one by name; search-titles, which nothing runs, is
// checked in the file on its own.
func TestNamedQueries(t *testing.T) {
	rep := runJSON(t, notes)
	if got := findingKeys(rep); !slices.Equal(got, notesFindings) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(notesFindings, "\n"))
	}
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" && !strings.Contains(f.Message, "store.(*Store).Tags runs query note-tags (internal/store/queries/notes.sql:12)") {
			t.Errorf("queryinloop message %q does not name the query", f.Message)
		}
		if f.Check == "missingindex" && f.Line == 7 && f.Function != "(*example.com/notes/internal/store.Store).ByOwner" {
			t.Errorf("dotsql finding: function %q", f.Function)
		}
	}
	if rep.Stats.Unresolved != 0 {
		t.Errorf("stats: %d unresolved query sites, want 0", rep.Stats.Unresolved)
	}
}

// go vet prints the .sql positions as it prints Go ones (relative to the
// directory it runs in), each finding once: the package sqlc generates
// owns the query files.
func TestSQLCVet(t *testing.T) {
	gocmd, bin := vetTool(t)
	vet := exec.Command(gocmd, "vet", "-vettool="+bin, "./...")
	vet.Dir = bookshop
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet succeeded, want findings:\n%s", out)
	}
	re := regexp.MustCompile(`(?m)^((?:db|internal)/[^:]+):(\d+):\d+: ([^\t].*)$`) // related lines start with a tab
	var got []string
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		check := "queryinloop"
		switch {
		case strings.Contains(m[3], "fetches every column"):
			check = "selectstar"
		case strings.Contains(m[3], "no index serves"):
			check = "missingindex"
		}
		got = append(got, check+" "+m[1]+":"+m[2])
	}
	slices.Sort(got)
	if !slices.Equal(got, bookshopFindings) {
		t.Errorf("go vet reported:\n%s\nwant:\n%s", out, strings.Join(bookshopFindings, "\n"))
	}
	if !strings.Contains(string(out), "db/queries/books.sql:2:8: query ListBooksByAuthor: SELECT * fetches every column of books") {
		t.Errorf("go vet output lacks the star's .sql position:\n%s", out)
	}
}
