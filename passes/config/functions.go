package config

import (
	"go/token"
	"go/types"
	"strings"
)

// A declared function's name is written two ways in the wild, and both
// are accepted: types.Func.FullName's "(*example.com/app/db.Client).Run",
// and "example.com/app/db.(*Client).Run", the spelling of pprof, gopls
// and sqlheat's own JSON. A package path's last element may hold dots
// (gopkg.in/yaml.v3), so "example.com/app/db.Client.Run" is both the
// function Client.Run of package example.com/app/db.Client and the
// method Run of db.Client; a receiver written without its star may be a
// pointer one. Each reading is kept: the wrong ones name nothing, and
// names are compared as the type checker prints them.

// funcName is one reading of a declared function's name.
type funcName struct {
	Path string // import path of its package
	Recv string // receiver's type name; "" for a function
	Ptr  bool   // pointer receiver
	Name string
}

// FullName is the reading as types.Func.FullName prints it.
func (n funcName) FullName() string {
	if n.Recv == "" {
		return n.Path + "." + n.Name
	}
	star := ""
	if n.Ptr {
		star = "*"
	}
	return "(" + star + n.Path + "." + n.Recv + ")." + n.Name
}

// FullNames are the names, as types.Func.FullName prints them, that the
// declared function may stand for.
func (f Function) FullNames() []string {
	var out []string
	for _, c := range f.candidates() {
		out = append(out, c.FullName())
	}
	return out
}

// PackagePaths are the import paths the declared function's package may
// have (one, unless its last element holds dots).
func (f Function) PackagePaths() []string {
	var out []string
	for _, c := range f.candidates() {
		if len(out) == 0 || out[len(out)-1] != c.Path {
			out = append(out, c.Path)
		}
	}
	return out
}

// DefinedIn reports whether pkg defines a function the declaration may
// stand for.
func (f Function) DefinedIn(pkg *types.Package) bool {
	for _, c := range f.candidates() {
		if c.Path != pkg.Path() {
			continue
		}
		if c.Recv == "" {
			if fn, ok := pkg.Scope().Lookup(c.Name).(*types.Func); ok && fn.Name() == c.Name {
				return true
			}
			continue
		}
		obj := pkg.Scope().Lookup(c.Recv)
		if tn, ok := obj.(*types.TypeName); ok {
			if m, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, c.Name); m != nil {
				if _, ok := m.(*types.Func); ok {
					return true
				}
			}
		}
	}
	return false
}

// candidates are the readings of f.Name; none when it is not a function
// name in either spelling.
func (f Function) candidates() []funcName {
	s := strings.TrimSpace(f.Name)
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return nil
	}
	if rest, ok := strings.CutPrefix(s, "("); ok {
		// (*path.T).M, types.Func.FullName's spelling.
		recv, name, ok := strings.Cut(rest, ").")
		if !ok {
			return nil
		}
		star, recv := strings.HasPrefix(recv, "*"), strings.TrimPrefix(recv, "*")
		i := strings.LastIndex(recv, ".")
		if i < 0 {
			return nil
		}
		return methods(recv[:i], recv[i+1:], name, star)
	}
	dir, last := "", s
	if i := strings.LastIndex(s, "/"); i >= 0 {
		dir, last = s[:i+1], s[i+1:]
	}
	if pkg, rest, ok := strings.Cut(last, ".("); ok {
		// path.(*T).M
		recv, name, ok := strings.Cut(rest, ").")
		if !ok {
			return nil
		}
		star, recv := strings.HasPrefix(recv, "*"), strings.TrimPrefix(recv, "*")
		return methods(dir+pkg, recv, name, star)
	}
	// path.F, or path.T.M.
	parts := strings.Split(last, ".")
	n := len(parts)
	if n < 2 || !token.IsIdentifier(parts[n-1]) || !validPath(dir+strings.Join(parts[:n-1], ".")) {
		return nil
	}
	out := []funcName{{Path: dir + strings.Join(parts[:n-1], "."), Name: parts[n-1]}}
	if n >= 3 {
		out = append(out, methods(dir+strings.Join(parts[:n-2], "."), parts[n-2], parts[n-1], false)...)
	}
	return out
}

// methods are the readings of method name of path.recv: the receiver as
// written first, then the other (a value method is often declared on
// the pointer by mistake, and the reverse).
func methods(path, recv, name string, star bool) []funcName {
	if !validPath(path) || !token.IsIdentifier(recv) || !token.IsIdentifier(name) {
		return nil
	}
	return []funcName{{path, recv, star, name}, {path, recv, !star, name}}
}

// validPath reports whether p can be an import path (loosely: the type
// checker decides the rest).
func validPath(p string) bool {
	return p != "" && !strings.ContainsAny(p, "()*,;\"'`") && !strings.HasPrefix(p, "/") && !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".")
}
