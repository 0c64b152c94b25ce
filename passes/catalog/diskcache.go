package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// go vet runs the tool once per package, and every package with a query
// needs the schema: without a cache, each of those processes parses and
// applies the whole migration history again, which on a large service is
// most of what sqlheat costs under vet. So a built catalog is kept on disk,
// as gopls and the go command keep theirs, keyed by the tool build and the
// size and modification time of every schema file; a changed migration
// makes a new key. The cache is an optimization only: any failure falls
// back to building.
//
// SQLHEAT_CACHE=off disables it; SQLHEAT_CACHE=<dir> moves it.

// cacheVersion changes when the catalog's encoding or meaning changes in a
// way the executable's identity would not show (it always does in
// practice; this is belt and braces for development builds).
const cacheVersion = "catalog-v1"

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

// cacheKey hashes the tool's identity and each schema file's path, size
// and modification time: reading every migration in every vet process to
// hash it cost as much as the cache saved. Content still decides go vet's
// own cache: the tool ID hashes the files' content once per go vet run.
func cacheKey(files []string) (string, bool) {
	h := sha256.New()
	io.WriteString(h, cacheVersion)
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "\x00%s\x00%d\x00%d", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			return "", false
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00%d", f, info.Size(), info.ModTime().UnixNano())
	}
	return fmt.Sprintf("%x", h.Sum(nil)), true
}

// cachedCatalog returns the catalog of files from the disk cache, or
// builds it with build and stores it.
func cachedCatalog(files []string, build func() (*schema.Catalog, error)) (*schema.Catalog, error) {
	dir := cacheDir()
	key, ok := cacheKey(files)
	if dir == "" || !ok {
		return build()
	}
	path := filepath.Join(dir, key[:2], key+".gob")
	if data, err := os.ReadFile(path); err == nil {
		var c schema.Catalog
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&c) == nil {
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
	}
	return c, nil
}
