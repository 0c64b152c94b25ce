package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sqlheat/sqlheat/internal/traffic"
)

// Checks are the names a settings file may switch off under checks:, and
// a suppression comment may name. (The analyzer package, which imports
// the checks, tests that this list is theirs.)
var Checks = []string{"handlerquery", "ignores", "missingindex", "queryinloop", "selectstar"}

// Error is one mistake in the settings and where it is: a line of the
// settings file, or a flag (File empty).
type Error struct {
	File string // the settings file, absolute; "" for a flag or a host's settings
	Line int    // 1-based; 0 when unknown
	Msg  string
}

// Error reads ".sqlheat.yaml:3: unknown key ...", the form editors and CI
// annotations jump to.
func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return e.File + ": " + e.Msg
	}
	return e.Msg
}

// Problems lists the mistakes err holds, in the order of the file: a
// settings file with three misspelt keys says so three times, once per
// line, as a compiler does.
func Problems(err error) []*Error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*Error
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return []*Error{{Msg: err.Error()}}
}

// settingsParser reads one settings document strictly: a key sqlheat does
// not know, a value of the wrong type, a check or traffic format that
// does not exist, are each an *Error at their line — a misspelt key
// silently ignored would be a CI run that checks less than the team
// thinks.
type settingsParser struct {
	file  string
	lines map[string]int // where each setting was written: "schema", "schema[1]", "functions[0]", "checks.selectstar"
	errs  []error
}

// parseSettings reads a settings document (YAML, or JSON, which is YAML)
// from data; file names it in errors. An empty document is no settings.
func parseSettings(data []byte, file string) (*Settings, error) {
	s := &Settings{}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(file, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return s, nil // empty, or comments only
	}
	p := &settingsParser{file: file, lines: map[string]int{}}
	p.decode(doc.Content[0], reflect.ValueOf(s).Elem(), "")
	p.validate(s) // what did decode, so that every mistake is said at once
	slices.SortStableFunc(p.errs, func(a, b error) int { return a.(*Error).Line - b.(*Error).Line })
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	s.lines = p.lines
	return s, nil
}

func (p *settingsParser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// decode stores node n into v, the setting called path.
func (p *settingsParser) decode(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch t := v.Type(); {
	case t.Kind() == reflect.Struct:
		if n.Kind != yaml.MappingNode {
			p.errorf(n.Line, "%swant a mapping of %s, got %s", label(path), strings.Join(keysOf(t), ", "), describeNode(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			f, ok := fieldByKey(t, k.Value)
			if !ok {
				p.errorf(k.Line, "%sunknown key %q; known keys: %s", label(path), k.Value, strings.Join(keysOf(t), ", "))
				continue
			}
			sub := join(path, k.Value)
			p.lines[sub] = k.Line
			p.decode(val, v.FieldByIndex(f.Index), sub)
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		if n.Kind != yaml.SequenceNode {
			p.errorf(n.Line, "%swant a list, got %s", label(path), describeNode(n))
			return
		}
		v.Set(reflect.MakeSlice(t, len(n.Content), len(n.Content)))
		for i, el := range n.Content {
			sub := fmt.Sprintf("%s[%d]", path, i)
			p.lines[sub] = el.Line
			p.decode(el, v.Index(i), sub)
		}
	case t.Kind() == reflect.Map:
		if n.Kind != yaml.MappingNode {
			p.errorf(n.Line, "%swant a mapping, got %s", label(path), describeNode(n))
			return
		}
		v.Set(reflect.MakeMap(t))
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			sub := path + "." + k.Value
			p.lines[sub] = k.Line
			el := reflect.New(t.Elem()).Elem()
			p.decode(val, el, sub)
			v.SetMapIndex(reflect.ValueOf(k.Value), el)
		}
	default:
		if n.Kind == yaml.SequenceNode {
			for i, el := range n.Content {
				p.lines[fmt.Sprintf("%s[%d]", path, i)] = el.Line
			}
		}
		if err := n.Decode(v.Addr().Interface()); err != nil {
			p.errorf(n.Line, "%swant %s, got %s", label(path), describeType(t), describeNode(n))
		}
	}
}

// validate checks what decoding cannot: names that must be known, numbers
// that must be in range.
func (p *settingsParser) validate(s *Settings) {
	names := make([]string, 0, len(s.Checks))
	for name := range s.Checks {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { return p.lines["checks."+a] - p.lines["checks."+b] })
	for _, name := range names {
		if !slices.Contains(Checks, name) {
			p.errorf(p.lines["checks."+name], "checks: unknown check %q; known checks: %s", name, strings.Join(Checks, ", "))
		}
	}
	if s.Budget < 0 {
		p.errorf(p.lines["budget"], "budget: want a positive number of queries per request, got %d", s.Budget)
	}
	if _, err := traffic.ParseFormat(s.TrafficFormat); err != nil {
		p.errorf(p.lines["traffic_format"], "traffic_format: %v", err)
	}
	for i, f := range s.Functions {
		line := p.lines[fmt.Sprintf("functions[%d]", i)]
		switch {
		case slices.ContainsFunc(p.errs, func(e error) bool { return e.(*Error).Line == line }):
			// said already: an unknown key where the name should be
		case f.Name == "":
			p.errorf(line, "functions: an entry without a name: write name: example.com/app/db.(*Client).Run")
		case len(f.candidates()) == 0:
			p.errorf(line, "functions: %q is not a function name: write example.com/app/db.(*Client).Run or example.com/app/db.Run", f.Name)
		case f.SQLArg < 0:
			p.errorf(line, "functions: %s: sql_arg %d: want the index of the SQL argument, from 0", f.Name, f.SQLArg)
		}
		s.Functions[i].Line = line
	}
	l := s.Live
	for _, x := range []struct {
		key string
		v   float64
	}{{"min_cost", l.MinCost}, {"min_saving", l.MinSaving}, {"min_rows", l.MinRows}} {
		if x.v < 0 {
			p.errorf(p.lines["live."+x.key], "live: %s: want a positive number, got %v", x.key, x.v)
		}
	}
	if l.MinSaving > 1 {
		p.errorf(p.lines["live.min_saving"], "live: min_saving: want a fraction of the cost between 0 and 1, got %v", l.MinSaving)
	}
}

// checkPath reports a path the user named (p as written, relative to
// base) that names nothing: a missing migration directory would
// otherwise quietly switch missingindex off.
func checkPath(what, base, p string) string {
	abs := absPath(base, strings.TrimSpace(p))
	if strings.ContainsAny(p, "*?[") {
		switch m, err := filepath.Glob(abs); {
		case err != nil:
			return fmt.Sprintf("%s: %s: %v", what, p, err)
		case len(m) == 0:
			return fmt.Sprintf("%s: %s matches no file", what, p)
		}
		return ""
	}
	if _, err := os.Stat(abs); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Sprintf("%s: %s does not exist", what, p)
		}
		return fmt.Sprintf("%s: %v", what, err)
	}
	return ""
}

// syntaxError turns a YAML parser's error ("yaml: line 3: mapping values
// are not allowed in this context") into an *Error at its line.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				return &Error{File: file, Line: line, Msg: "not valid YAML: " + text}
			}
		}
	}
	return &Error{File: file, Msg: "not valid YAML: " + msg}
}

// fieldByKey is the field of struct type t whose yaml tag is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		// An untagged field (the unexported lines) has no key: an empty
		// key in the file, as in "&a: x", must not reach it.
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key && name != "" && name != "-" && f.IsExported() {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// keysOf lists the keys struct type t accepts, sorted.
func keysOf(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	slices.Sort(keys)
	return keys
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func label(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

// describeType says what a value of type t is written as.
func describeType(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(stringList(nil)):
		return "a path or a list of paths"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int:
		return "a whole number"
	case t.Kind() == reflect.Float64:
		return "a number"
	case t.Kind() == reflect.String:
		return "a string"
	}
	return "a " + t.Kind().String()
}

// describeNode says what the user wrote, briefly.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:40] + "..."
	}
	return strconv.Quote(v)
}
