package catalog

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// The same files give the same catalog, parsed once; a changed file
// gives a new one.
func TestLoadOnce(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "1_init.up.sql")
	write := func(text string, mod time.Time) {
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(f, mod, mod)
	}
	write("CREATE TABLE a (id int PRIMARY KEY);", time.Unix(1e9, 0))
	c1, err := load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := load([]string{dir})
	if c1 != c2 {
		t.Error("same files loaded twice")
	}
	write("CREATE TABLE a (id int PRIMARY KEY, b text);", time.Unix(2e9, 0))
	c3, _ := load([]string{dir})
	if c3 == c1 || c3.Table("a").Column("b") == nil {
		t.Error("a changed file was not reloaded")
	}
	if _, err := load([]string{filepath.Join(dir, "missing.sql")}); err == nil {
		t.Error("a missing schema path is not an error")
	}

	// Applying a package's DDL clones: the shared catalog is unchanged.
	c4 := withDDL(c3, "", []DDLText{{File: "m.go", Line: 3, SQL: "CREATE INDEX a_b ON a (b)"}})
	if len(c3.Table("a").Indexes) != 1 || len(c4.Table("a").Indexes) != 2 {
		t.Errorf("withDDL changed its base: %d, %d indexes", len(c3.Table("a").Indexes), len(c4.Table("a").Indexes))
	}
	if c5 := withDDL(c3, "", []DDLText{{File: "m.go", Line: 3, SQL: "CREATE INDEX a_b ON a (b)"}}); c5 != c4 {
		t.Error("the same DDL applied twice")
	}
}

func TestSourceFiles(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "db", "migrations"), 0o755)
	for _, n := range []string{"2_b.up.sql", "2_b.down.sql", "10_c.up.sql", "1_a.up.sql"} {
		os.WriteFile(filepath.Join(root, "db", "migrations", n), []byte("SELECT 1;"), 0o644)
	}
	var got []string
	for _, f := range SourceFiles(nil, root) {
		got = append(got, filepath.Base(f))
	}
	if want := []string{"1_a.up.sql", "2_b.up.sql", "10_c.up.sql"}; !slices.Equal(got, want) {
		t.Errorf("SourceFiles = %v, want %v", got, want)
	}
}

func TestEmbedPatterns(t *testing.T) {
	got := embedPatterns(` sql/*.sql "with space/x.sql" ` + "`raw.sql`" + ` all:db`)
	want := []string{"sql/*.sql", "with space/x.sql", "raw.sql", "all:db"}
	if !slices.Equal(got, want) {
		t.Errorf("embedPatterns = %q, want %q", got, want)
	}
}

// A catalog read back from the disk cache answers like the one built, and a
// changed migration is a new key.
func TestDiskCache(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SQLHEAT_CACHE", filepath.Join(dir, "cache"))
	mig := filepath.Join(dir, "0001.up.sql")
	if err := os.WriteFile(mig, []byte("CREATE TABLE t (id int PRIMARY KEY, email text UNIQUE);\nCREATE INDEX t_email_idx2 ON t (lower(email));\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	builds := 0
	build := func() (*schema.Catalog, error) {
		builds++
		c := schema.New()
		return c, c.LoadFile(mig)
	}
	first, err := cachedCatalog([]string{mig}, build)
	if err != nil {
		t.Fatal(err)
	}
	second, err := cachedCatalog([]string{mig}, build)
	if err != nil {
		t.Fatal(err)
	}
	if builds != 1 {
		t.Errorf("built %d times, want 1 (the second from the cache)", builds)
	}
	for _, c := range []*schema.Catalog{first, second} {
		tbl := c.Table("t")
		if tbl == nil || len(tbl.Indexes) != 3 || len(tbl.Columns) != 2 {
			t.Fatalf("catalog = %+v", tbl)
		}
	}
	os.WriteFile(mig, []byte("CREATE TABLE t (id int PRIMARY KEY);\n"), 0o644)
	third, _ := cachedCatalog([]string{mig}, build)
	if builds != 2 || len(third.Table("t").Columns) != 1 {
		t.Errorf("a changed migration was served from the cache (builds %d)", builds)
	}
	// The same size and modification time, another content: a new key.
	info, _ := os.Stat(mig)
	os.WriteFile(mig, []byte("CREATE TABLE u (id int PRIMARY KEY);\n"), 0o644)
	os.Chtimes(mig, info.ModTime(), info.ModTime())
	fourth, _ := cachedCatalog([]string{mig}, build)
	if builds != 3 || fourth.Table("u") == nil {
		t.Errorf("an edit keeping size and mtime was served from the cache (builds %d)", builds)
	}
}

// The cache is bounded by age: a trim, at most once a day, deletes the
// entries unused for five days; a hit keeps its entry young.
func TestDiskCacheTrim(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "schema", "ab")
	os.MkdirAll(dir, 0o755)
	now := time.Now()
	entry := func(name string, age time.Duration) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte("x"), 0o644)
		os.Chtimes(path, now.Add(-age), now.Add(-age))
		return path
	}
	old, recent, used, tmp := entry("old.gob", 6*24*time.Hour), entry("recent.gob", 24*time.Hour), entry("used.gob", 6*24*time.Hour), entry("tmp-123", 6*24*time.Hour)
	touch(used, now)
	trim(root, now)
	for path, want := range map[string]bool{old: false, recent: true, used: true, tmp: false} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s kept = %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
	// Trimmed within the day: not again.
	again := entry("again.gob", 6*24*time.Hour)
	trim(root, now.Add(time.Hour))
	if _, err := os.Stat(again); err != nil {
		t.Error("a second trim within a day ran")
	}
	trim(root, now.Add(25*time.Hour))
	if _, err := os.Stat(again); err == nil {
		t.Error("no trim a day later")
	}
}
