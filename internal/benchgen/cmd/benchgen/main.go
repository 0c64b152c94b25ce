// Command benchgen writes a synthetic Go service for sqlheat's benchmarks:
//
//	go run ./internal/benchgen/cmd/benchgen -n 100 -seed 1 -o /tmp/gen100
//
// The module (its own go.mod, standard library only) has n packages of a
// layered service: stores with query functions, services, HTTP handlers,
// a worker, migrations and a traffic profile. The same n and seed always
// give the same files. It prints a one-line summary of what it wrote.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sqlheat/sqlheat/internal/benchgen"
)

func main() {
	n := flag.Int("n", 100, "number of Go packages")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "", "output `dir` (must not exist, or be empty)")
	module := flag.String("module", "", "module path (default example.com/benchsvc)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -n N [-seed S] [-module path] -o dir")
		os.Exit(2)
	}
	if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
		fmt.Fprintf(os.Stderr, "benchgen: %s is not empty\n", *out)
		os.Exit(2)
	}
	m, err := benchgen.Generate(benchgen.Config{Packages: *n, Seed: *seed, Module: *module})
	if err == nil {
		err = m.Write(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	s := m.Summary
	fmt.Printf("benchgen: wrote %s: %d packages (%d stores, %d services, %d handlers, %d utils), %d files, %d lines of Go, %d query functions, %d query sites, %d loops over queries, %d routes\n",
		*out, s.Packages, s.Stores, s.Services, s.Handlers, s.Utils, s.Files, s.Lines, s.QueryFuncs, s.QuerySites, s.Loops, s.Routes)
}
