package traffic

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// tree is a JSON or YAML document reduced to what the profile shapes need,
// with the position of every node: JSON and YAML profiles share one
// interpreter (structured.go), and both can say "line 7, column 12".
type tree struct {
	kind      treeKind
	val       string  // scalar text
	keys      []*tree // map keys, parallel to items
	items     []*tree // map values, or list items
	line, col int
}

type treeKind uint8

const (
	treeNull treeKind = iota
	treeScalar
	treeMap
	treeList
)

func (k treeKind) String() string {
	return [...]string{"null", "scalar", "map", "list"}[k]
}

// maxDepth bounds nesting: profiles are two levels deep, and a hostile
// file of a million "[" must not exhaust the stack.
const maxDepth = 32

// maxNodes bounds YAML alias expansion (a "billion laughs" file).
const maxNodes = 1 << 22

// jsonTree decodes JSON token by token, to know where each value starts.
func jsonTree(data []byte) (*tree, *Error) {
	lines := newLineIndex(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	errAt := func(off int64, err error) *Error {
		line, col := lines.pos(off)
		return &Error{Line: line, Col: col, Err: err}
	}
	// start skips the separators between the previous token and the next,
	// so a value's position is its first byte, not the comma before it.
	start := func() int64 {
		off := dec.InputOffset()
		for off < int64(len(data)) {
			switch data[off] {
			case ' ', '\t', '\r', '\n', ',', ':':
				off++
				continue
			}
			break
		}
		return off
	}
	// value reads one value, recursively. json.Decoder's own depth limit
	// does not apply to Token, hence ours.
	var value func(depth int) (*tree, *Error)
	value = func(depth int) (*tree, *Error) {
		off := start()
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(errAt, off, err)
		}
		line, col := lines.pos(off)
		t := &tree{line: line, col: col}
		switch tok := tok.(type) {
		case nil:
			t.kind = treeNull
		case json.Number:
			t.kind, t.val = treeScalar, tok.String()
		case string:
			t.kind, t.val = treeScalar, tok
		case bool:
			t.kind, t.val = treeScalar, strconv.FormatBool(tok)
		case json.Delim:
			if depth >= maxDepth {
				return nil, errAt(off, errors.New("nesting too deep"))
			}
			t.kind = treeList
			if tok == '{' {
				t.kind = treeMap
			}
			for dec.More() {
				if t.kind == treeMap {
					k, e := value(depth + 1) // a key is a string token
					if e != nil {
						return nil, e
					}
					t.keys = append(t.keys, k)
				}
				v, e := value(depth + 1)
				if e != nil {
					return nil, e
				}
				t.items = append(t.items, v)
			}
			off = start()
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return nil, jsonErr(errAt, off, err)
			}
		}
		return t, nil
	}
	root, e := value(0)
	if e != nil {
		return nil, e
	}
	// A second value after the first is a concatenation of two files, or a
	// JSON Lines export: either way not what the user meant to rank by.
	off := start()
	if _, err := dec.Token(); err != io.EOF {
		return nil, errAt(off, errors.New("unexpected data after the profile"))
	}
	return root, nil
}

func jsonErr(errAt func(int64, error) *Error, off int64, err error) *Error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return errAt(syn.Offset, errors.New(syn.Error())) // Offset is the offending byte's
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return errAt(off, errors.New("unexpected end of JSON input"))
	}
	return errAt(off, err)
}

// yamlLine finds the line in yaml.v3's error texts ("yaml: line 3: ...").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlTree decodes the first YAML document. Later documents are reported,
// not silently ignored.
func yamlTree(data []byte) (*tree, []string, *Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return &tree{kind: treeNull, line: 1, col: 1}, nil, nil // no document at all
		}
		return nil, nil, yamlErr(err)
	}
	var warns []string
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		warns = append(warns, fmt.Sprintf("only the first YAML document is read; another starts at line %d", next.Line))
	case err != io.EOF:
		warns = append(warns, "only the first YAML document is read; what follows it does not parse")
	}
	budget := maxNodes
	t, e := fromYAML(&doc, 0, &budget)
	return t, warns, e
}

func yamlErr(err error) *Error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Line: line, Err: errors.New(m[2])}
	}
	msg := err.Error()
	if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	return &Error{Err: errors.New(msg)}
}

// fromYAML converts a yaml.v3 node. Aliases are followed (a profile may
// share a rate through an anchor), within the node budget.
func fromYAML(n *yaml.Node, depth int, budget *int) (*tree, *Error) {
	if *budget--; *budget < 0 || depth > maxDepth {
		return nil, &Error{Line: n.Line, Col: n.Column, Err: errors.New("document too deep or too large")}
	}
	t := &tree{line: n.Line, col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			t.kind = treeNull
			return t, nil
		}
		return fromYAML(n.Content[0], depth+1, budget)
	case yaml.AliasNode:
		if n.Alias == nil {
			t.kind = treeNull
			return t, nil
		}
		return fromYAML(n.Alias, depth+1, budget)
	case yaml.ScalarNode:
		t.kind, t.val = treeScalar, n.Value
		if n.Tag == "!!null" {
			t.kind = treeNull // "rate: ~" is missing, not the string "~"
		}
	case yaml.MappingNode:
		t.kind = treeMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, e := fromYAML(n.Content[i], depth+1, budget)
			if e != nil {
				return nil, e
			}
			v, e := fromYAML(n.Content[i+1], depth+1, budget)
			if e != nil {
				return nil, e
			}
			t.keys, t.items = append(t.keys, k), append(t.items, v)
		}
	case yaml.SequenceNode:
		t.kind = treeList
		for _, c := range n.Content {
			v, e := fromYAML(c, depth+1, budget)
			if e != nil {
				return nil, e
			}
			t.items = append(t.items, v)
		}
	default:
		t.kind = treeNull
	}
	return t, nil
}
