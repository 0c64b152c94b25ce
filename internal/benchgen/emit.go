package benchgen

import (
	"fmt"
	"strings"
)

// src accumulates a Go file.
type src struct{ strings.Builder }

func (s *src) p(format string, args ...any) {
	fmt.Fprintf(s, format, args...)
	s.WriteByte('\n')
}

// imports writes an import block of groups separated by "|" entries (the
// standard library, then the module); empty groups and entries vanish.
func (s *src) imports(paths ...string) {
	var groups [][]string
	var cur []string
	for _, p := range append(paths, "|") {
		if p != "|" {
			if p != "" {
				cur = append(cur, p)
			}
			continue
		}
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	s.p("import (")
	for i, g := range groups {
		if i > 0 {
			s.p("")
		}
		for _, p := range g {
			s.p("\t%q", p)
		}
	}
	s.p(")")
}

func camel(col string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(col, "_") {
		if part == "id" {
			b.WriteString("ID")
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func (g *gen) mod(path string) string { return g.cfg.Module + "/" + path }

// emitDBX writes the shared database helper: a wrapper type whose methods
// take the SQL text, which the stores wrap again.
func (g *gen) emitDBX() error {
	var s src
	s.p("// Package dbx is the service's shared database helper.")
	s.p("package dbx")
	s.imports("context", "database/sql", "time")
	s.p(`
// DB is the service's handle: *sql.DB with its conventions.
type DB struct {
	*sql.DB
}

// Open opens the database and sets the pool's limits.
func Open(dsn string) (*DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{DB: db}, nil
}

// Select runs a query that returns rows.
func (d *DB) Select(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.QueryContext(ctx, query, args...)
}

// Run runs a statement and returns the rows it affected.
func (d *DB) Run(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// InTx runs fn in a transaction, committed when fn returns nil.
func (d *DB) InTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}`)
	return g.gofile("internal/dbx/dbx.go", s.String())
}

// emitUtils writes packages without SQL or HTTP: what sqlheat should skip
// cheaply.
func (g *gen) emitUtils() error {
	for i, dep := range g.utils {
		var s src
		name := g.utilPkg(i)
		s.p("// Package %s holds small helpers.", name)
		s.p("package %s", name)
		depImport, depCall := "", ""
		if dep >= 0 {
			depImport = g.mod(g.utilPath(dep))
			depCall = "s = " + g.utilPkg(dep) + ".Normalize(s)"
		}
		s.imports("hash/fnv", "sort", "strings", "unicode", "|", depImport)
		s.p(`
// Normalize trims s and folds it to lower case.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	%s
	return strings.ToLower(s)
}

// Slug turns s into a URL segment.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Normalize(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Clamp limits v to [lo, hi].
func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Chunk splits ids into slices of at most n.
func Chunk(ids []int64, n int) [][]int64 {
	var out [][]int64
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

// Unique returns the distinct ids, sorted.
func Unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Hash is a stable hash of s, for sharding.
func Hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64() %% %d
}`, depCall, 1000+i)
		if err := g.gofile(g.utilPath(i)+"/"+name+".go", s.String()); err != nil {
			return err
		}
	}
	return nil
}

// emitStores writes one package per table.
func (g *gen) emitStores() error {
	for _, t := range g.tables {
		if err := g.emitStore(t); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) emitStore(t *table) error {
	var s src
	site := func(n int) { g.sum.QuerySites += n }
	fn := func() { g.sum.QueryFuncs++ }
	T := t.typ
	util, utilImport := "", ""
	if t.util >= 0 {
		util, utilImport = g.utilPkg(t.util), g.mod(g.utilPath(t.util))
	}
	search := ""
	if t.search {
		search = "strings"
	}
	s.p("// Package %s stores %s.", t.name, t.name)
	s.p("package %s", t.name)
	s.imports("context", "database/sql", "fmt", search, "time", "|", g.mod("internal/dbx"), utilImport)

	cols := []string{"id", "account_id", "parent_id", "name", "status"}
	ins := []string{"account_id", "parent_id", "name", "status"}
	s.p("\n// %s is one row of %s.", T, t.name)
	s.p("type %s struct {", T)
	s.p("ID int64\nAccountID int64\nParentID sql.NullInt64\nName string\nStatus string")
	for _, e := range t.extras {
		c := extraCols[e]
		s.p("%s %s", camel(c.name), c.goType)
		cols = append(cols, c.name)
		ins = append(ins, c.name)
	}
	s.p("CreatedAt time.Time\n}")
	cols = append(cols, "created_at")

	var ph, insArgs, scanArgs []string
	for i, c := range ins {
		ph = append(ph, fmt.Sprintf("$%d", i+1))
		insArgs = append(insArgs, "r."+camel(c))
	}
	for _, c := range cols {
		scanArgs = append(scanArgs, "&r."+camel(c))
	}
	s.p(`
// table is the table the store owns.
const table = %q

// columns are the columns a row is read from, in scan order.
const columns = %q

const pageSize = %d

const (
	getSQL           = "SELECT " + columns + " FROM " + table + " WHERE id = $1"
	listByAccountSQL = "SELECT " + columns + " FROM %[1]s WHERE account_id = $1 ORDER BY created_at DESC LIMIT $2"
	insertSQL        = "INSERT INTO %[1]s (%[4]s) VALUES (%[5]s) RETURNING id"
	countSQL         = "SELECT count(*) FROM %[1]s WHERE account_id = $1"
)

// Filter narrows a search.
type Filter struct {
	AccountID int64
	Status    string
}

// Store reads and writes %[1]s.
type Store struct {
	db *dbx.DB
}

// New returns a store on db.
func New(db *dbx.DB) *Store { return &Store{db: db} }

type scanner interface{ Scan(dest ...any) error }

func scan(row scanner) (*%[6]s, error) {
	var r %[6]s
	if err := row.Scan(%[7]s); err != nil {
		return nil, err
	}
	return &r, nil
}`, t.name, strings.Join(cols, ", "), 20+10*(t.i%5), strings.Join(ins, ", "), strings.Join(ph, ", "), T, strings.Join(scanArgs, ", "))

	// The store's wrappers: its callers pass the SQL text.
	if t.shared {
		s.p(`
// query runs q, which returns rows, through the shared helper.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.Select(ctx, q, args...)
}

// exec runs q, a statement, through the shared helper.
func (s *Store) exec(ctx context.Context, q string, args ...any) error {
	_, err := s.db.Run(ctx, q, args...)
	return err
}`)
	} else {
		s.p(`
// query runs q, which returns rows.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, q, args...)
}

// exec runs q, a statement.
func (s *Store) exec(ctx context.Context, q string, args ...any) error {
	_, err := s.db.ExecContext(ctx, q, args...)
	return err
}`)
	}
	s.p(`
// list runs q and scans every row.
func (s *Store) list(ctx context.Context, q string, args ...any) ([]*%[1]s, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*%[1]s
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Get returns the row with the id.
func (s *Store) Get(ctx context.Context, id int64) (*%[1]s, error) {
	return scan(s.db.QueryRowContext(ctx, getSQL, id))
}

// ListByAccount returns the account's newest rows.
func (s *Store) ListByAccount(ctx context.Context, accountID int64, limit int) ([]*%[1]s, error) {
	return s.list(ctx, listByAccountSQL, accountID, limit)
}

// Count counts the account's rows.
func (s *Store) Count(ctx context.Context, accountID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, countSQL, accountID).Scan(&n)
	return n, err
}

// SetStatus changes a row's status.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	return s.exec(ctx, "UPDATE %[2]s SET status = $1, updated_at = now() WHERE id = $2", status, id)
}

// Delete deletes a row.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.exec(ctx, fmt.Sprintf("DELETE FROM %%s WHERE id = $1", table), id)
}`, T, t.name)
	site(5) // list's own call is a wrapper's, counted at list's callers
	fn()
	fn()
	fn()
	fn()
	fn()
	fn()
	create := ""
	if util != "" {
		create = "r.Name = " + util + ".Normalize(r.Name)"
	}
	s.p(`
// Create inserts r and returns its id.
func (s *Store) Create(ctx context.Context, r *%s) (int64, error) {
	%s
	var id int64
	err := s.db.QueryRowContext(ctx, insertSQL, %s).Scan(&id)
	return id, err
}`, T, create, strings.Join(insArgs, ", "))
	site(1)
	fn()
	if t.byStatus {
		s.p(`
// ByStatus returns a page of rows with the status.
func (s *Store) ByStatus(ctx context.Context, status string, page int) ([]*%s, error) {
	q := fmt.Sprintf("SELECT %%s FROM %%s WHERE status = $1 ORDER BY id LIMIT %%d OFFSET $2", columns, table, pageSize)
	return s.list(ctx, q, status, page*pageSize)
}`, T)
		site(1)
		fn()
	}
	if t.search {
		s.p(`
// Search returns the rows matching f.
func (s *Store) Search(ctx context.Context, f Filter) ([]*%s, error) {
	var b strings.Builder
	b.WriteString("SELECT " + columns + " FROM %s WHERE account_id = $1")
	args := []any{f.AccountID}
	if f.Status != "" {
		b.WriteString(" AND status = $2")
		args = append(args, f.Status)
	}
	b.WriteString(" ORDER BY created_at DESC LIMIT 100")
	return s.list(ctx, b.String(), args...)
}`, T, t.name)
		site(1)
		fn()
	}
	if t.all {
		s.p(`
// All returns every row, for exports.
func (s *Store) All(ctx context.Context) ([]*%s, error) {
	return s.list(ctx, "SELECT * FROM %s ORDER BY id")
}`, T, t.name)
		site(1)
		fn()
	}
	if t.byExtra {
		c := extraCols[t.extras[0]]
		s.p(`
// By%[1]s returns the row with the %[2]s.
func (s *Store) By%[1]s(ctx context.Context, v %[3]s) (*%[4]s, error) {
	return scan(s.db.QueryRowContext(ctx, "SELECT "+columns+" FROM %[5]s WHERE %[2]s = $1", v))
}`, camel(c.name), c.name, c.goType, T, t.name)
		site(1)
		fn()
	}
	if t.createMany {
		s.p(`
// CreateMany inserts the rows one by one.
func (s *Store) CreateMany(ctx context.Context, rs []*%s) error {
	for _, r := range rs {
		if _, err := s.Create(ctx, r); err != nil {
			return err
		}
	}
	return nil
}`, T)
		g.sum.Loops++
		fn()
	}
	if t.withParent {
		s.p(`
// ListWithParents returns the account's rows and the names of their parents.
func (s *Store) ListWithParents(ctx context.Context, accountID int64) ([]*%[1]s, map[int64]string, error) {
	rows, err := s.db.QueryContext(ctx, listByAccountSQL, accountID, 100)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []*%[1]s
	names := map[int64]string{}
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, r)
		if r.ParentID.Valid {
			var name string
			if err := s.db.QueryRowContext(ctx, "SELECT name FROM %[2]s WHERE id = $1", r.ParentID.Int64).Scan(&name); err != nil {
				return nil, nil, err
			}
			names[r.ID] = name
		}
	}
	return out, names, rows.Err()
}`, T, g.tables[t.parent].name)
		site(2)
		g.sum.Loops++
		fn()
	}
	if t.archive {
		s.p(`
// Archive archives the rows, 500 at a time.
func (s *Store) Archive(ctx context.Context, ids []int64) error {
	for i := 0; i < len(ids); i += 500 {
		end := min(i+500, len(ids))
		if err := s.exec(ctx, "UPDATE %s SET status = 'archived' WHERE id = ANY($1)", ids[i:end]); err != nil {
			return err
		}
	}
	return nil
}`, t.name)
		site(1)
		fn()
	}
	dir := "internal/store/" + t.name
	if err := g.gofile(dir+"/store.go", s.String()); err != nil {
		return err
	}
	if t.i%3 == 0 {
		var ts src
		ts.p("package %s", t.name)
		ts.imports("strings", "testing")
		ts.p(`
func TestQueries(t *testing.T) {
	for _, q := range []string{getSQL, listByAccountSQL, insertSQL, countSQL} {
		if !strings.Contains(q, table) {
			t.Errorf("%%q does not name %%s", q, table)
		}
	}
}`)
		return g.gofile(dir+"/store_test.go", ts.String())
	}
	return nil
}

// emitServices writes the business logic: each service over its stores.
func (g *gen) emitServices() error {
	for _, sv := range g.services {
		if err := g.emitService(sv); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) emitService(sv *service) error {
	var s src
	own := g.tables[sv.stores[0]]
	paths := []string{"context", "fmt", "|", g.mod("internal/dbx")}
	for _, i := range sv.stores {
		paths = append(paths, g.mod("internal/store/"+g.tables[i].name))
	}
	var dep *service
	if sv.uses >= 0 {
		dep = g.services[sv.uses]
		paths = append(paths, g.mod("internal/service/"+dep.name))
	}
	util := ""
	if sv.util >= 0 {
		util = g.utilPkg(sv.util)
		paths = append(paths, g.mod(g.utilPath(sv.util)))
	}
	s.p("// Package %s is the business logic over %s.", sv.name, own.name)
	s.p("package %s", sv.name)
	s.imports(paths...)
	s.p("\n// Service serves %s.", sv.resource)
	s.p("type Service struct {")
	for _, i := range sv.stores {
		s.p("%sStore *%s.Store", g.tables[i].name, g.tables[i].name)
	}
	if dep != nil {
		s.p("dep *%s.Service", dep.name)
	}
	s.p("}")
	s.p("\n// New returns the service on db.")
	s.p("func New(db *dbx.DB) *Service {")
	s.p("return &Service{")
	for _, i := range sv.stores {
		s.p("%sStore: %s.New(db),", g.tables[i].name, g.tables[i].name)
	}
	if dep != nil {
		s.p("dep: %s.New(db),", dep.name)
	}
	s.p("}\n}")
	st := own.name + "Store"
	s.p(`
// View is what the API shows of one %[1]s.
type View struct {
	Item   *%[2]s.%[1]s
	Count  int
	Parent string
}

// Get returns the view of one %[1]s.
func (s *Service) Get(ctx context.Context, id int64) (*View, error) {
	it, err := s.%[3]s.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get %%d: %%w", id, err)
	}
	n, err := s.%[3]s.Count(ctx, it.AccountID)
	if err != nil {
		return nil, err
	}`, own.typ, own.name, st)
	if dep != nil {
		s.p(`	if _, err := s.dep.Get(ctx, it.AccountID); err != nil {
		return nil, err
	}`)
	}
	s.p("return &View{Item: it, Count: n}, nil\n}")

	s.p(`
// List returns the account's newest %[1]s.
func (s *Service) List(ctx context.Context, accountID int64) ([]*View, error) {
	items, err := s.%[2]s.ListByAccount(ctx, accountID, 50)
	if err != nil {
		return nil, err
	}
	views := make([]*View, 0, len(items))
	for _, it := range items {
		v := &View{Item: it}`, own.name, st)
	if sv.nplus1 {
		other := g.tables[sv.stores[1]]
		s.p(`if it.ParentID.Valid {
			p, err := s.%sStore.Get(ctx, it.ParentID.Int64)
			if err != nil {
				return nil, err
			}
			v.Parent = p.Name
		}`, other.name)
		g.sum.Loops++
	} else {
		s.p("v.Parent = fmt.Sprint(it.ParentID.Int64)")
	}
	s.p("views = append(views, v)\n}\nreturn views, nil\n}")

	name := "name"
	if util != "" {
		name = util + ".Normalize(name)"
	}
	s.p(`
// Create adds one %[1]s to the account.
func (s *Service) Create(ctx context.Context, accountID int64, name string) (int64, error) {
	return s.%[2]s.Create(ctx, &%[3]s.%[1]s{AccountID: accountID, Name: %[4]s, Status: "new"})
}

// SetStatus changes the status, retrying twice.
func (s *Service) SetStatus(ctx context.Context, id int64, status string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.%[2]s.SetStatus(ctx, id, status); err == nil {
			return nil
		}
	}
	return err
}`, own.typ, st, own.name, name)

	s.p("\n// Close closes the %s with the ids.", own.name)
	s.p("func (s *Service) Close(ctx context.Context, ids []int64) error {")
	switch {
	case sv.writeLoop:
		s.p(`for _, id := range ids {
		if err := s.%s.SetStatus(ctx, id, "closed"); err != nil {
			return err
		}
	}
	return nil`, st)
		g.sum.Loops++
	case own.archive:
		s.p("return s.%s.Archive(ctx, ids)", st)
	default:
		s.p(`if len(ids) == 0 {
		return nil
	}
	return s.%s.Delete(ctx, ids[0])`, st)
	}
	s.p("}")

	pending := fmt.Sprintf("s.%s.ListByAccount(ctx, 0, 100)", st)
	if own.byStatus {
		pending = fmt.Sprintf("s.%s.ByStatus(ctx, \"pending\", 0)", st)
	}
	s.p(`
// Pending lists the ids waiting for processing.
func (s *Service) Pending(ctx context.Context) ([]int64, error) {
	items, err := %s
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids, nil
}

// Process handles one pending item.
func (s *Service) Process(ctx context.Context, id int64) error {
	v, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if v.Count > 1000 {
		return fmt.Errorf("account %%d over quota", v.Item.AccountID)
	}
	return s.%s.SetStatus(ctx, id, "done")
}`, pending, st)
	if own.search {
		s.p(`
// Search finds the account's %[1]s by status.
func (s *Service) Search(ctx context.Context, accountID int64, status string) ([]*%[1]s.%[2]s, error) {
	return s.%[3]s.Search(ctx, %[1]s.Filter{AccountID: accountID, Status: status})
}`, own.name, own.typ, st)
	}
	return g.gofile("internal/service/"+sv.name+"/service.go", s.String())
}

// emitHandlers writes the HTTP layer: Go 1.22 routes on a ServeMux.
func (g *gen) emitHandlers() error {
	for _, h := range g.handlers {
		if err := g.emitHandler(h); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) emitHandler(h *handler) error {
	var s src
	sv := g.services[h.svc]
	own := g.tables[sv.stores[0]]
	ctxImport, extraImport := "", ""
	if h.bgCtx {
		ctxImport = "context"
	}
	var extra *service
	if h.extra >= 0 {
		extra = g.services[h.extra]
		extraImport = g.mod("internal/service/" + extra.name)
	}
	s.p("// Package %s serves the %s API.", h.name, sv.resource)
	s.p("package %s", h.name)
	s.imports(ctxImport, "encoding/json", "net/http", "strconv", "|", g.mod("internal/dbx"), g.mod("internal/service/"+sv.name), extraImport)
	s.p("\n// Handler serves %s.", sv.resource)
	s.p("type Handler struct {\nsvc *%s.Service", sv.name)
	if extra != nil {
		s.p("extra *%s.Service", extra.name)
	}
	s.p("}\n\n// New returns the handler on db.\nfunc New(db *dbx.DB) *Handler {")
	if extra != nil {
		s.p("return &Handler{svc: %s.New(db), extra: %s.New(db)}\n}", sv.name, extra.name)
	} else {
		s.p("return &Handler{svc: %s.New(db)}\n}", sv.name)
	}
	base := "/v1/" + h.resource
	type rt struct{ method, path, fn string }
	rts := []rt{
		{"GET", base + "/{id}", "get"},
		{"GET", "/v1/accounts/{account}/" + h.resource, "list"},
		{"POST", base, "create"},
		{"PUT", base + "/{id}/status", "setStatus"},
		{"POST", base + "/close", "close"},
	}
	if own.search {
		rts = append(rts, rt{"GET", base + "/search", "search"})
	}
	s.p("\n// Register adds the routes to mux.\nfunc (h *Handler) Register(mux *http.ServeMux) {")
	for _, r := range rts {
		s.p("mux.HandleFunc(%q, h.%s)", r.method+" "+r.path, r.fn)
		g.routes = append(g.routes, Route{Method: r.method, Pattern: r.path})
	}
	s.p("}")
	s.p(`
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil
}

func writeJSON(w http.ResponseWriter, v any, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	v, err := h.svc.Get(r.Context(), id)`)
	if extra != nil {
		s.p(`if err == nil {
		_, err = h.extra.List(r.Context(), v.Item.AccountID)
	}`)
	}
	s.p(`writeJSON(w, v, err)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	account, ok := pathID(r, "account")
	if !ok {
		http.Error(w, "bad account", http.StatusBadRequest)
		return
	}
	views, err := h.svc.List(r.Context(), account)
	writeJSON(w, views, err)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	var in struct {
		AccountID int64  ` + "`json:\"account_id\"`" + `
		Name      string ` + "`json:\"name\"`" + `
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, err := h.svc.Create(r.Context(), in.AccountID, in.Name)
	writeJSON(w, map[string]int64{"id": id}, err)
}

func (h *Handler) setStatus(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}`)
	if h.bgCtx {
		s.p("ctx := context.Background()")
	} else {
		s.p("ctx := r.Context()")
	}
	s.p(`err := h.svc.SetStatus(ctx, id, r.FormValue("status"))
	writeJSON(w, nil, err)
}

func (h *Handler) close(w http.ResponseWriter, r *http.Request) {
	var in struct {
		IDs []int64 ` + "`json:\"ids\"`" + `
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	writeJSON(w, nil, h.svc.Close(r.Context(), in.IDs))
}`)
	if own.search {
		s.p(`
func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	account, err := strconv.ParseInt(r.URL.Query().Get("account"), 10, 64)
	if err != nil {
		http.Error(w, "bad account", http.StatusBadRequest)
		return
	}
	items, err := h.svc.Search(r.Context(), account, r.URL.Query().Get("status"))
	writeJSON(w, items, err)
}`)
	}
	return g.gofile("internal/api/"+h.name+"/handler.go", s.String())
}

// emitWorker writes the background worker: a service loop (which sqlheat
// must not call an N+1) around batches that are N+1s across packages.
func (g *gen) emitWorker() error {
	var s src
	n := min(len(g.services), 5)
	paths := []string{"context", "log", "time", "|", g.mod("internal/dbx")}
	for _, sv := range g.services[:n] {
		paths = append(paths, g.mod("internal/service/"+sv.name))
	}
	s.p("// Package worker processes pending items in the background.")
	s.p("package worker")
	s.imports(paths...)
	s.p("\n// Worker polls the services for pending items.\ntype Worker struct {")
	for i, sv := range g.services[:n] {
		s.p("s%d *%s.Service", i, sv.name)
	}
	s.p("}\n\n// New returns a worker on db.\nfunc New(db *dbx.DB) *Worker {\nreturn &Worker{")
	for i, sv := range g.services[:n] {
		s.p("s%d: %s.New(db),", i, sv.name)
	}
	s.p(`}
}

// Run polls until ctx is done.
func (w *Worker) Run(ctx context.Context) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.tick(ctx)
		}
	}
}

func (w *Worker) tick(ctx context.Context) {`)
	for i := range n {
		s.p(`if ids, err := w.s%[1]d.Pending(ctx); err == nil {
		for _, id := range ids {
			if err := w.s%[1]d.Process(ctx, id); err != nil {
				log.Printf("process %%d: %%v", id, err)
			}
		}
	}`, i)
		g.sum.Loops++
	}
	s.p("}")
	return g.gofile("internal/worker/worker.go", s.String())
}

// emitMain writes the server: every handler on one mux, and the worker.
func (g *gen) emitMain() error {
	var s src
	paths := []string{"context", "log", "net/http", "os", "|", g.mod("internal/dbx"), g.mod("internal/worker")}
	for _, h := range g.handlers {
		paths = append(paths, g.mod("internal/api/"+h.name))
	}
	s.p("// Command server runs the service.")
	s.p("package main")
	s.imports(paths...)
	s.p(`
func main() {
	db, err := dbx.Open(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()`)
	for _, h := range g.handlers {
		s.p("%s.New(db).Register(mux)", h.name)
	}
	s.p(`go worker.New(db).Run(context.Background())
	log.Fatal(http.ListenAndServe(":8080", mux))
}`)
	return g.gofile("cmd/server/main.go", s.String())
}
