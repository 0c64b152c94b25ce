// Package reg keeps the schemes plugin packages register from their init
// functions, and registries the program fills with data, to tell apart.
package reg

import (
	"bufio"
	"database/sql"
	"os"
	"strings"
)

// Handler is a registered scheme.
type Handler interface {
	Drop(db *sql.DB, user int64) error
}

// handlers: every put is in Register, which only init functions call.
var handlers map[string]Handler

// Register adds a scheme; each plugin calls it once, from init.
func Register(name string, h Handler) {
	if handlers == nil {
		handlers = make(map[string]Handler)
	}
	if _, dup := handlers[name]; dup {
		panic("twice: " + name)
	}
	handlers[name] = h
}

// Names hands on the registered schemes' names.
func Names() []string {
	var names []string
	for name := range handlers {
		names = append(names, name)
	}
	return names
}

// Get is a scheme by name.
func Get(name string) Handler { return handlers[name] }

// DropAll runs every scheme's Drop: as many as are registered.
func DropAll(db *sql.DB, user int64) {
	for _, h := range handlers { // few: the registered schemes
		_ = h.Drop(db, user)
	}
}

// codecs: appended by AddCodec, which main calls twice.
var codecs []string

// AddCodec registers a codec at start-up.
func AddCodec(name string) { codecs = append(codecs, name) }

// EachCodec loops over the codecs start-up added.
func EachCodec(db *sql.DB) {
	for _, c := range codecs { // few: two calls of AddCodec
		_, _ = db.Exec("DELETE FROM blobs WHERE codec = $1", c)
	}
}

// fromRows: filled from a table's rows.
var fromRows = map[string]bool{}

// LoadRows reads the tenants at start-up: one put per row.
func LoadRows(db *sql.DB) {
	rows, _ := db.Query("SELECT name FROM tenants")
	defer rows.Close()
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		fromRows[n] = true
	}
}

// EachRow loops over the tenants read: data.
func EachRow(db *sql.DB) {
	for n := range fromRows { // start: one put per row, at start-up
		_, _ = db.Exec("DELETE FROM sessions WHERE tenant = $1", n)
	}
}

// seen: filled per request.
var seen = map[string]bool{}

// Remember is called by a handler, once per request.
func Remember(name string) { seen[name] = true }

// EachSeen loops over what requests remembered: data.
func EachSeen(db *sql.DB) {
	for n := range seen { // data: one put per request
		_, _ = db.Exec("DELETE FROM visits WHERE name = $1", n)
	}
}

// lines: a file's lines.
var lines []string

// ReadLines appends one item per line of a file.
func ReadLines(path string) {
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
}

// EachLine loops over the file's lines: data.
func EachLine(db *sql.DB) {
	for _, l := range lines { // start: one item per line, at start-up
		_, _ = db.Exec("DELETE FROM hosts WHERE name = $1", l)
	}
}

// fromEnv: registered from init, but in a loop over the environment.
var fromEnv = map[string]bool{}

// RegisterEnv adds one name.
func RegisterEnv(name string) { fromEnv[name] = true }

func init() {
	for _, n := range strings.Split(os.Getenv("NAMES"), ",") {
		RegisterEnv(n)
	}
}

// EachEnv loops over what the environment names: data.
func EachEnv(db *sql.DB) {
	for n := range fromEnv { // start: as many as the variable lists
		_, _ = db.Exec("DELETE FROM envs WHERE name = $1", n)
	}
}

// handed: registered from init, but handed out whole.
var handed = map[string]bool{}

// RegisterHanded adds one name.
func RegisterHanded(name string) { handed[name] = true }

// Handed gives the map itself: whoever gets it may add to it.
func Handed() map[string]bool { return handed }

// EachHanded loops over it: data.
func EachHanded(db *sql.DB) {
	for n := range handed { // start: handed out whole, at start-up
		_, _ = db.Exec("DELETE FROM handed WHERE name = $1", n)
	}
}

// aliases: names the configuration adds for the schemes, at start-up.
var aliases map[string]string

// LoadAliases reads "alias:scheme" pairs from the configuration.
func LoadAliases(pairs []string) {
	aliases = make(map[string]string)
	for _, pair := range pairs {
		alias, scheme, _ := strings.Cut(pair, ":")
		aliases[alias] = scheme
	}
}

// AllNames are the schemes' names and their aliases.
func AllNames() []string {
	all := make(map[string]bool)
	for name := range handlers {
		all[name] = true
	}
	for name := range aliases {
		all[name] = true
	}
	var names []string
	for name := range all {
		names = append(names, name)
	}
	return names
}

// MixedNames are the schemes' names and what requests remembered.
func MixedNames() []string {
	var names []string
	for name := range handlers {
		names = append(names, name)
	}
	for name := range seen {
		names = append(names, name)
	}
	return names
}

// Stream hands on names as a producer sends them.
func Stream(db *sql.DB) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		rows, _ := db.Query("SELECT name FROM tenants")
		for rows.Next() {
			var n string
			_ = rows.Scan(&n)
			ch <- n
		}
	}()
	return ch
}

// Streamed keys what the channel gives: one put per item received, of a
// channel made empty.
func Streamed(db *sql.DB) map[string]bool {
	set := map[string]bool{"default": true}
	for n := range Stream(db) {
		set[n] = true
	}
	return set
}
