package config

import (
	"errors"
	"testing"
)

// FuzzSettings: whatever a settings file holds, reading it ends in
// settings or in mistakes at lines of the file, never in a panic; the
// same bytes read the same way twice. Seeds (and crashers found) live in
// testdata/fuzz/FuzzSettings.
func FuzzSettings(f *testing.F) {
	for _, s := range []string{
		"schema: [migrations]\ntraffic: traffic.json\nbudget: 10\nchecks:\n  selectstar: false\n",
		"functions:\n  - name: example.com/app/db.(*Client).Run\n    sql_arg: 1\n",
		"live: {min_cost: 100, min_saving: 0.5, min_rows: 1000}\ndsn: postgres://x@y/z\n",
		"schema: a.sql,b.sql\nquery_files: [q/*.sql]\ntraffic_format: csv\n",
		"a: &x {b: 1}\nc: *x\n",
		"- 1\n- 2\n",
		"{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseSettings(data, "f.yaml")
		if err != nil {
			for _, e := range Problems(err) {
				var se *Error
				if !errors.As(error(e), &se) || e.File != "f.yaml" || e.Msg == "" || e.Line < 0 {
					t.Fatalf("mistake %#v is not at a line of the file", e)
				}
			}
			if s != nil {
				t.Fatal("settings and an error")
			}
			_, err2 := parseSettings(data, "f.yaml")
			if err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("read twice: %v, then %v", err, err2)
			}
			return
		}
		for _, fn := range s.Functions {
			if len(fn.FullNames()) == 0 {
				t.Fatalf("function %q accepted but names nothing", fn.Name)
			}
		}
	})
}

// FuzzFunctionName: any name reads as zero or more type-checker names,
// each of which reads back as itself.
func FuzzFunctionName(f *testing.F) {
	for _, s := range []string{"example.com/app/db.(*Client).Run", "(*example.com/app/db.Client).Run", "gopkg.in/yaml.v3.Marshal", "db.Run", "a/b.(c).d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, full := range (Function{Name: name}).FullNames() {
			names := (Function{Name: full}).FullNames()
			if len(names) == 0 || names[0] != full {
				t.Fatalf("%q reads as %q, which reads as %q", name, full, names)
			}
		}
	})
}
