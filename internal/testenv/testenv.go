// Package testenv prepares analysistest trees that share the third-party
// API stubs.
//
// analysistest runs in GOPATH mode over one directory. Every pass needs the
// same stubs of sqlx, pgx, gorm, bun and the HTTP routers; copying them into
// each pass's testdata would let them drift apart. So the stubs live once,
// under testdata/stubs/src at the module root, and each test runs over a
// temporary tree holding its own testdata/src and the stubs side by side.
// The source tree is never written to, so tests can run in parallel.
package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Stubs is the GOPATH root holding the third-party API stubs.
func Stubs() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "stubs")
}

// Tree returns a GOPATH directory for analysistest holding the packages
// under testdata/src (the calling test's) and the stubs. Packages in the
// test's testdata win over stubs of the same path.
func Tree(t testing.TB, testdata string) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{filepath.Join(Stubs(), "src"), filepath.Join(testdata, "src")} {
		if err := copyTree(filepath.Join(dir, "src"), src); err != nil {
			t.Fatalf("preparing test tree: %v", err)
		}
	}
	return dir
}

// CopyTree copies the directory src to dst, making every file writable
// (the module cache is read-only) and keeping executable bits; anything but
// directories and regular files is skipped.
func CopyTree(t testing.TB, dst, src string) {
	t.Helper()
	if err := copyTree(dst, src); err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

func copyTree(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm()|0o200)
	})
}
