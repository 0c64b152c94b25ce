package catalog

import (
	"crypto/sha256"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// The caches below hold the parse of files' content, keyed by what they
// read (paths with size and modification time, or the DDL texts
// themselves), never by package or pass. They are what lets a run of 150
// packages parse its migrations once instead of 150 times, and under go
// vet (one process per package) they cost nothing. A cache of content
// cannot make two packages disagree or make a result depend on the order
// passes ran in, so it is not the global mutable state that go vet,
// golangci-lint and nogo forbid analyzers: a pass reading through it sees
// exactly what it would see reading the files itself. Built catalogs are
// shared and never changed after their sync.Once (withDDL clones).

type built struct {
	once sync.Once
	cat  *schema.Catalog
	err  error
}

var (
	discovered sync.Map // module root -> *discovery
	loaded     sync.Map // files key -> *built
	applied    sync.Map // base + texts key -> *built
)

type discovery struct {
	once               sync.Once
	primary, secondary []string
}

// discover is schema.DiscoverAll(root), walked once per process: the
// walk reads directories (and peeks into a few Go files), and a run does
// not outlive a change to where the migrations live.
func discover(root string) (primary, secondary []string) {
	v, _ := discovered.LoadOrStore(root, new(discovery))
	d := v.(*discovery)
	d.once.Do(func() { d.primary, d.secondary = schema.DiscoverAll(root) })
	return d.primary, d.secondary
}

// SourceFiles lists the schema files a package in dir would be given,
// from the settings' paths or, without any, from discovery under root.
// go vet's tool ID hashes their content, so that a changed migration is
// never hidden by its cache.
func SourceFiles(paths []string, root string) []string {
	if len(paths) == 0 && root != "" {
		primary, secondary := discover(root)
		paths = append(slices.Clone(primary), secondary...)
	}
	files, _ := schema.Files(paths)
	return files
}

// load builds the catalog of the schema paths, or returns the one built
// already from the same files with the same sizes and times. An error
// (a named path missing) comes with an empty catalog.
func load(paths []string) (*schema.Catalog, error) {
	if len(paths) == 0 {
		return schema.New(), nil
	}
	files, skipped, err := schema.FilesSkipped(paths)
	if err != nil {
		return schema.New(), err
	}
	var key strings.Builder
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			return schema.New(), err
		}
		fmt.Fprintf(&key, "%s\x00%d\x00%d\n", f, info.Size(), info.ModTime().UnixNano())
	}
	v, _ := loaded.LoadOrStore(key.String(), new(built))
	b := v.(*built)
	b.once.Do(func() {
		b.cat, b.err = cachedCatalog(files, func() (*schema.Catalog, error) {
			c := schema.New()
			for _, f := range files {
				if err := c.LoadFile(f); err != nil {
					return nil, err
				}
			}
			c.Skipped = skipped
			return c, nil
		})
	})
	if b.err != nil {
		return schema.New(), b.err
	}
	return b.cat, nil
}

// withDDL returns base with the program's own DDL applied, in order, on a
// clone; the same base and texts give the same shared catalog, so the
// packages importing one migrations package apply its DDL once.
func withDDL(base *schema.Catalog, root string, texts []DDLText) *schema.Catalog {
	h := sha256.New()
	fmt.Fprintf(h, "%p\x00%s\x00", base, root)
	for _, t := range texts {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s", t.File, t.Line, len(t.SQL), t.SQL)
	}
	v, _ := applied.LoadOrStore(string(h.Sum(nil)), new(built))
	b := v.(*built)
	b.once.Do(func() {
		c := base.Clone()
		for _, t := range texts {
			if t.Line == 0 {
				c.ApplyFile(t.SQL, t.File) // an embedded file: goose sections honored
			} else {
				c.ApplyDDL(t.SQL, t.File, t.Line)
			}
		}
		b.cat = c
	})
	return b.cat
}
