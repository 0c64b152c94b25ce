package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"

	"go.uber.org/fx"

	"example.com/precision/actors"
	"example.com/precision/audit"
	"example.com/precision/backends"
	"example.com/precision/batch"
	"example.com/precision/boot"
	"example.com/precision/cacher"
	"example.com/precision/ctors"
	"example.com/precision/deco"
	"example.com/precision/elements"
	"example.com/precision/fewargs"
	"example.com/precision/fewfield"
	"example.com/precision/flush"
	"example.com/precision/gen"
	"example.com/precision/hooks"
	"example.com/precision/iters"
	"example.com/precision/keys"
	"example.com/precision/kv"
	"example.com/precision/lazyarg"
	"example.com/precision/lines"
	"example.com/precision/loaders"
	"example.com/precision/managed"
	"example.com/precision/members"
	"example.com/precision/notify"
	"example.com/precision/orders"
	"example.com/precision/passed"
	"example.com/precision/pool"
	"example.com/precision/recovery"
	"example.com/precision/rekey"
	"example.com/precision/relogin"
	"example.com/precision/relogin/tokens"
	"example.com/precision/restore"
	"example.com/precision/schema"
	"example.com/precision/store/pg"
	"example.com/precision/strats"
	"example.com/precision/tiers"
	"example.com/precision/tries"
)

func main() {
	ctx := context.Background()
	db, _ := sql.Open("postgres", "")
	switch os.Args[1] {
	case "serve":
		serve(ctx, db)
	case "create-user":
		boot.Setup(ctx, db, defaults)
		pg.New(db).AddUser(ctx, os.Args[2])
	case "rename":
		boot.Rename(ctx, db)
	case "audit":
		boot.Audit(ctx, pg.New(db), nil)
	case "cleanup":
		batch.Cleanup(ctx, db)
	case "validate":
		deco.Validate(ctx, deco.NewContainer(deco.NewSQL(db)), os.Args[2:])
	}
}

var defaults = map[string]string{"signup": "on"}

// library are functions something the program does not show runs (they
// stand for a library's API, whose loops are what the tests look at).
var library = []any{(*iters.Service).Touch, (*iters.Service).Audit, iters.PerKind, iters.Again, iters.EachDirect, iters.Each, iters.EachFlagged, lines.Each, lines.EachTrimmed,
	lazyarg.Checks, lazyarg.PerID, lazyarg.Each, lazyarg.Indexed, lazyarg.Fields, lazyarg.MetaOf, lazyarg.Retag, lazyarg.LocateEach}

func serve(ctx context.Context, db *sql.DB) {
	boot.Setup(ctx, db, defaults)
	restore.InitDB(ctx, db)
	restore.Routes(db)
	s := pg.New(db)
	fx.New(fx.Provide(func() *pg.Store { return s }), fx.Invoke(hooks.Register), fx.Invoke(hooks.Routes))
	http.HandleFunc("/inputs", func(w http.ResponseWriter, r *http.Request) {
		gen.Serve(r.Context(), s, nil)
	})
	http.HandleFunc("/fetch", func(w http.ResponseWriter, r *http.Request) {
		actors.Fetch(r.Context(), s, nil)
	})
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) {
		notify.Notify(r.Context(), s, nil)
	})
	users, auth := loaders.New(s, os.Getenv("NOCACHE") != ""), loaders.NewAuth(s)
	http.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		var ids []int64
		for _, v := range r.Form["id"] {
			n, _ := strconv.ParseInt(v, 10, 64)
			ids = append(ids, n)
		}
		loaders.Handle(r.Context(), users, auth, &loaders.Flight{}, ids, r.Form["name"])
		loaders.Cached(r.Context(), s, ids)
	})
	http.HandleFunc("/welcome", func(w http.ResponseWriter, r *http.Request) {
		notify.Welcome(r.Context(), s, r.FormValue("name"))
	})
	group := members.New(db, s)
	http.HandleFunc("/members", func(w http.ResponseWriter, r *http.Request) {
		group.Patch(r.Context(), nil)
	})
	http.HandleFunc("/ctors", ctors.New(db).Serve)
	http.HandleFunc("/decoded", ctors.Decode(db, nil).Serve)
	http.HandleFunc("/loaded", ctors.Load(db, nil, "").Serve)
	reg := strats.NewRegistry(db)
	http.HandleFunc("/strats", reg.Serve)
	http.HandleFunc("/links", reg.Links)
	http.HandleFunc("/named", reg.Named)
	http.HandleFunc("/add", reg.Add)
	http.HandleFunc("/extra", reg.Extra)
	http.HandleFunc("/sync", func(w http.ResponseWriter, r *http.Request) {
		batch.Sync(r.Context(), db, nil)
	})
	http.HandleFunc("/purge", func(w http.ResponseWriter, r *http.Request) {
		batch.Purge(r.Context(), db, nil)
		batch.Mark(r.Context(), db, nil)
	})
	http.HandleFunc("/pool", func(w http.ResponseWriter, r *http.Request) {
		p := pool.New(db, 4)
		p.Start()
		p.MarkAll(nil)
	})
	http.HandleFunc("/owners", func(w http.ResponseWriter, r *http.Request) {
		orders.Owners(r.Context(), s, nil)
	})
	http.HandleFunc("/audit", func(w http.ResponseWriter, r *http.Request) {
		audit.Record(r.Context(), db, nil)
	})
	http.HandleFunc("/warm", func(w http.ResponseWriter, r *http.Request) {
		hooks.Warm(r.Context(), s, nil)
	})
	cached := cacher.NewService(db, cacher.New(os.Getenv("CACHE")), nil)
	http.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		cached.PublicKeys(r.Context(), r.Form["id"])
		var ids []int64
		for _, v := range r.Form["app"] {
			n, _ := strconv.ParseInt(v, 10, 64)
			ids = append(ids, n)
		}
		cached.Apps(r.Context(), ids)
	})
	k := keys.Open(db, os.Getenv("WRITER") == "exclusive")
	http.HandleFunc("/sigs", func(w http.ResponseWriter, r *http.Request) {
		k.StoreSigs(r.Context(), nil)
		k.MarkOffline(r.Context(), r.FormValue("server"))
	})
	http.HandleFunc("/forget", func(w http.ResponseWriter, r *http.Request) {
		k.Forget(nil)
	})
	// The backends configured: a list of any length (a one-item literal
	// would hold one, and its loops be silent).
	backends.Open(db, strings.Split(os.Getenv("BACKENDS"), ","))
	backends.Load(os.Getenv("SETTINGS"))
	log.Print(&backends.Default)
	backends.LoadZones(strings.Split(os.Getenv("ZONES"), ","))
	replicator := backends.NewReplicator(db, backends.Zones(strings.Split(os.Getenv("ZONES"), ",")))
	sessions := backends.NewSessions(db)
	warm := backends.Warm(strings.Split(os.Getenv("WARM"), ","))
	mirrors := backends.NewMirrors(db, strings.Split(os.Getenv("MIRRORS"), ","))
	peers := backends.NewPeers(db, strings.Split(os.Getenv("PEERS"), ","))
	tenants := backends.OpenTenants(ctx, db)
	go tenants.Refresh(ctx, nil)
	managed.New(db, os.Getenv("EE") != "").Routes()
	http.HandleFunc("/tenants", func(w http.ResponseWriter, r *http.Request) {
		tenants.Touch(r.Context())
	})
	http.HandleFunc("/backends", func(w http.ResponseWriter, r *http.Request) {
		backends.Default.Touch(r.Context())
		backends.Default.Owners(r.Context(), s)
		backends.Regions(r.Context(), db)
		backends.Replicate(r.Context(), db, r.FormValue("key"))
		replicator.Replicate(r.Context(), r.FormValue("key"))
		backends.Visited(r.Context(), db, r.Form["zone"])
		mirrors.Sync(r.Context())
		peers.Join(r.FormValue("peer"))
		peers.Ping(r.Context())
		backends.Visit(r.Context(), db, r.Form["visit"])
		_ = warm
	})
	http.HandleFunc("/tasks", func(w http.ResponseWriter, r *http.Request) {
		kv.Serve(r.Context(), db, nil, r.FormValue("mem") != "")
		kv.Restore(r.Context(), db, nil, r.FormValue("mem") != "")
	})
	http.HandleFunc("/sessions", func(w http.ResponseWriter, r *http.Request) {
		sessions.Add(r.FormValue("id"))
		sessions.Close(r.Context())
	})
	http.HandleFunc("/batch", func(w http.ResponseWriter, r *http.Request) {
		backends.Delete(w, r, db)
	})
	http.HandleFunc("/rekey", func(w http.ResponseWriter, r *http.Request) {
		repo := rekey.New(r.Context(), db)
		rekey.Warm(r.Context(), repo, nil)
		repo.Rotate(r.Context(), nil)
	})
	notifiers := elements.New(db)
	http.HandleFunc("/notify-all", func(w http.ResponseWriter, r *http.Request) {
		notifiers.NotifyAll(r.Context(), 1)
		notifiers.PingAll(r.Context(), 1)
		notifiers.Logged(r.Context(), db)
		var users []int64
		for _, v := range r.URL.Query()["user"] {
			n, _ := strconv.ParseInt(v, 10, 64)
			users = append(users, n)
		}
		elements.PerUser(r.Context(), db, users)
	})
	passed.Routes(db, os.Args, os.Getenv("VERBOSE") != "")
	passed.MetaRoutes(db)
	fewfield.Routes(db)
	flush.Routes(db)
	tiers.Routes(tiers.New(db))
	fewargs.Routes(db, &fewargs.Config{})
	tries.Routes(db)
	recovery.Routes(db)
	relogin.Routes(&tokens.Store{DB: db})
	names := deco.NewContainer(deco.NewCached(deco.NewSQL(db), &deco.LRU{}))
	names.Run(http.DefaultServeMux)
	http.HandleFunc("/plain", deco.NewPlain(deco.NewSQL(db)).List)
	registry := deco.NewRegistry(deco.NewCached(deco.NewSQL(db), &deco.LRU{}))
	registry.Use(deco.NewSQL(db))
	http.HandleFunc("/registry", registry.List)
	http.HandleFunc("/two", deco.NewTwo(deco.NewCached(deco.NewSQL(db), &deco.LRU{}), deco.NewSQL(db)).List)
	http.HandleFunc("/schema", func(w http.ResponseWriter, r *http.Request) {
		compiled := schema.Compile(r.FormValue("schema"))
		schema.Graph(r.Context(), compiled)
		schema.Warnings(r.Context(), compiled, r.Form["name"])
		schema.Validate(r.Context(), db, r.Form["name"])
		schema.Relations(r.Context(), schema.NewSystem(compiled), r.Form["name"])
		schema.Relations(r.Context(), schema.NewSystem(schema.NewStored(db)), r.Form["name"])
	})
	http.ListenAndServe(":8080", nil)
}
