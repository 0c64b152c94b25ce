package dbapi

import "strings"

// unread are SQL libraries sqlheat does not read: their query builders
// and ORMs send SQL the passes cannot see, so a module using one gets no
// query site, no finding and no route query from it. The driver names
// those a module imports (stats.unread_libraries) rather than report a
// clean run. Paths are prefixes: a major version's path, or any of the
// library's packages, matches.
var unread = []string{
	"github.com/gocraft/dbr",
	"github.com/go-rel/rel",
	"gopkg.in/reform.v1",
	"github.com/gohouse/gorose",
	"github.com/huandu/go-sqlbuilder",
	"github.com/didi/gendry",
	"github.com/stephenafamo/bob",
}

// Unread reports the SQL library sqlheat does not read that the import
// path belongs to, as listed above (the path of its module or package,
// without a major version's suffix: github.com/gocraft/dbr for
// github.com/gocraft/dbr/v2); "" when it is none of them.
func Unread(path string) string {
	for _, lib := range unread {
		if path == lib || strings.HasPrefix(path, lib+"/") {
			return lib
		}
	}
	return ""
}
