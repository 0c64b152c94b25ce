// Command sqlheat audits the SQL a Go service issues: queries in loops
// (N+1), SELECT *, filters no index serves, and what each HTTP route costs
// the database, ranked by traffic.
//
//	sqlheat ./...                         # standalone: ranked report
//	go vet -vettool=$(command -v sqlheat) ./...   # per package, inside go vet
package main

import (
	"os"

	"github.com/sqlheat/sqlheat/internal/driver"
)

func main() {
	if driver.VetMode(os.Args[1:]) {
		driver.Vet() // does not return
	}
	os.Exit(driver.Main(os.Args[1:], os.Stdout, os.Stderr))
}
