package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// go vet runs the tool once per package, and every package with a query
// needs the schema: without a cache, each of those processes parses and
// applies the whole migration history again, which on a large service is
// most of what sqlheat costs under vet. So a built catalog is kept on disk,
// as gopls and the go command keep theirs. The cache is an optimization
// only: any failure falls back to building.
//
// Where: $SQLHEAT_CACHE when set ("off" turns the cache off), else the
// directory sqlheat under os.UserCacheDir: ~/.cache/sqlheat on Linux
// ($XDG_CACHE_HOME/sqlheat when that is set), ~/Library/Caches/sqlheat
// on macOS, %LocalAppData%\sqlheat on Windows. Catalogs live in its
// schema/ directory, one file per key; deleting the directory clears it.
//
// Key: the sqlheat build, and the path and content of every schema file.
// Content, not size and modification time: an edit that keeps both (a
// restored mtime, as cp -p, rsync, tar or a CI cache restore give) would
// otherwise be served the old schema. Hashing the files costs little next
// to parsing them, and it is done once per process.
//
// Bound: as the go command trims its build cache, an entry unused for
// trimAge is deleted; a hit refreshes its entry's time (at most hourly,
// to spare the disk), and a trim runs at most once per trimInterval,
// after a store.

// cacheVersion changes when the catalog's encoding or meaning changes in a
// way the executable's identity would not show (it always does in
// practice; this is belt and braces for development builds).
const cacheVersion = "catalog-v2"

const (
	trimAge      = 5 * 24 * time.Hour
	trimInterval = 24 * time.Hour
	touchAfter   = time.Hour
)

// cacheDir is the cache's root directory, "" when it is off.
func cacheDir() string {
	switch v := os.Getenv("SQLHEAT_CACHE"); v {
	case "off":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(dir, "sqlheat")
	default:
		return v
	}
}

// cacheKey hashes the tool's identity and each schema file's path and
// content.
func cacheKey(files []string) (string, bool) {
	h := sha256.New()
	io.WriteString(h, cacheVersion)
	// The executable by path, size and time: hashing its tens of
	// megabytes in every vet process would cost more than the cache
	// saves, and a rebuild changes them.
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "\x00%s\x00%d\x00%d", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", false
		}
		// The path too: the catalog names its files in warnings.
		fmt.Fprintf(h, "\x00%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), true
}

// cachedCatalog returns the catalog of files from the disk cache, or
// builds it with build and stores it.
func cachedCatalog(files []string, build func() (*schema.Catalog, error)) (*schema.Catalog, error) {
	root := cacheDir()
	key, ok := cacheKey(files)
	if root == "" || !ok {
		return build()
	}
	path := filepath.Join(root, "schema", key[:2], key+".gob")
	if data, err := os.ReadFile(path); err == nil {
		var c schema.Catalog
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&c) == nil {
			touch(path, time.Now())
			return &c, nil
		}
	}
	c, err := build()
	if err != nil {
		return c, err
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(c) == nil && os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		// Write then rename: concurrent vet processes may race to store
		// the same key, and a reader must never see half a file.
		if tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-*"); err == nil {
			_, werr := tmp.Write(buf.Bytes())
			cerr := tmp.Close()
			if werr == nil && cerr == nil {
				os.Rename(tmp.Name(), path)
			}
			os.Remove(tmp.Name())
		}
		trim(root, time.Now())
	}
	return c, nil
}

// touch marks the entry at path used at now, unless it was within
// touchAfter.
func touch(path string, now time.Time) {
	if info, err := os.Stat(path); err == nil && now.Sub(info.ModTime()) > touchAfter {
		os.Chtimes(path, now, now)
	}
}

// trim deletes the entries of the cache at root unused for trimAge (and
// temporary files left by a process that died), at most once per
// trimInterval: the time of the last trim is the modification time of
// root/schema/trim.txt.
func trim(root string, now time.Time) {
	dir := filepath.Join(root, "schema")
	marker := filepath.Join(dir, "trim.txt")
	if info, err := os.Stat(marker); err == nil && now.Sub(info.ModTime()) < trimInterval {
		return
	}
	// Marked first, so that the vet processes storing at the same time do
	// not all walk the cache.
	if os.WriteFile(marker, []byte(now.UTC().Format(time.RFC3339)+"\n"), 0o644) != nil {
		return
	}
	os.Chtimes(marker, now, now)
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".gob") && !strings.HasPrefix(name, "tmp-") {
			return nil
		}
		if info, err := d.Info(); err == nil && now.Sub(info.ModTime()) > trimAge {
			os.Remove(path)
		}
		return nil
	})
}
