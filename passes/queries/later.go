package queries

import "go/types"

// startsLater are the functions outside the module that run a function
// they are handed on a goroutine of their own, later, without the caller
// waiting: neither the caller's call nor a loop around it runs what they
// are handed.
//
// A scheduler's function (Periodic) runs again and again on the
// scheduler's goroutine, on its timetable, whoever registered it: a
// background job, not the request, command or start-up that handed it
// over. Some take a value of an interface instead of a function
// (robfig/cron's Job): Method is the method they call on it, so the
// module's types handed over run theirs.
var startsLater = map[string]Later{
	// Once, after the duration, on a goroutine of its own.
	"time.AfterFunc": {},
	// Once, when the context is done, on a goroutine of its own.
	"context.AfterFunc": {},

	// robfig/cron, v1 (no module path), gopkg.in's v2 and v3: AddFunc
	// wraps the function as a FuncJob and schedules it (AddJob, then
	// Schedule); the running Cron starts each due entry's Job.Run on a
	// goroutine of its own (go c.startJob / go c.runWithRecovery), every
	// time its schedule fires.
	"(*github.com/robfig/cron.Cron).AddFunc":     {Periodic: true},
	"(*github.com/robfig/cron.Cron).AddJob":      {Periodic: true, Method: "Run"},
	"(*github.com/robfig/cron.Cron).Schedule":    {Periodic: true, Method: "Run"},
	"(*gopkg.in/robfig/cron.v2.Cron).AddFunc":    {Periodic: true},
	"(*gopkg.in/robfig/cron.v2.Cron).AddJob":     {Periodic: true, Method: "Run"},
	"(*gopkg.in/robfig/cron.v2.Cron).Schedule":   {Periodic: true, Method: "Run"},
	"(*github.com/robfig/cron/v3.Cron).AddFunc":  {Periodic: true},
	"(*github.com/robfig/cron/v3.Cron).AddJob":   {Periodic: true, Method: "Run"},
	"(*github.com/robfig/cron/v3.Cron).Schedule": {Periodic: true, Method: "Run"},

	// pocketbase's scheduler (app.Cron()): MustAdd(id, expr, fn) keeps
	// the function under its id, for the app's ticker to run when due.
	"(*github.com/pocketbase/pocketbase/tools/cron.Cron).Add":     {Periodic: true, Named: 1, Label: "cron job"},
	"(*github.com/pocketbase/pocketbase/tools/cron.Cron).MustAdd": {Periodic: true, Named: 1, Label: "cron job"},

	// go-co-op/gocron v1: s.Every(1).Day().At("10:30").Do(fn, args...)
	// keeps the function (as any) in the job; the started scheduler runs
	// it, each time the job is due, on a goroutine of its executor.
	// DoWithJobDetails is Do handing the function the job too.
	"(*github.com/go-co-op/gocron.Scheduler).Do":               {Periodic: true},
	"(*github.com/go-co-op/gocron.Scheduler).DoWithJobDetails": {Periodic: true},
	// go-co-op/gocron v2: s.NewJob(gocron.DurationJob(d),
	// gocron.NewTask(fn, args...)): NewTask only keeps the function, for
	// the scheduler to run on its executor's goroutines when due.
	"github.com/go-co-op/gocron/v2.NewTask": {Periodic: true},
	// jasonlvhit/gocron, gocron v1's ancestor: gocron.Every(1).Minute()
	// .Do(fn) keeps it for the goroutine Start starts, which runs the
	// due jobs on each tick.
	"(*github.com/jasonlvhit/gocron.Job).Do": {Periodic: true},

	// hibiken/asynq: a ServeMux keeps the handler of each task type
	// (HandleFunc's func, as an asynq.HandlerFunc; Handle's Handler) and
	// the server it is handed to (Run, Start) calls its ProcessTask per
	// task taken off the queue, on the server's goroutines: a background
	// job, whoever registered it, named by the task type. A server handed
	// a Handler of the module's runs it for every task.
	"(*github.com/hibiken/asynq.ServeMux).HandleFunc": {Periodic: true, Method: "ProcessTask", Named: 1, Label: "asynq task"},
	"(*github.com/hibiken/asynq.ServeMux).Handle":     {Periodic: true, Method: "ProcessTask", Named: 1, Label: "asynq task"},
	"(*github.com/hibiken/asynq.Server).Run":          {Periodic: true, Method: "ProcessTask"},
	"(*github.com/hibiken/asynq.Server).Start":        {Periodic: true, Method: "ProcessTask"},

	// RichardKnop/machinery, v1 and v2: the server keeps task functions
	// by name (RegisterTask's, or each of the map RegisterTasks is
	// handed), and its workers run them per message consumed, on their
	// own goroutines: a background job, named by the task's name.
	"(*github.com/RichardKnop/machinery/v1.Server).RegisterTask":  {Periodic: true, Named: 1, Label: "machinery task"},
	"(*github.com/RichardKnop/machinery/v1.Server).RegisterTasks": {Periodic: true, Label: "machinery task"},
	"(*github.com/RichardKnop/machinery/v2.Server).RegisterTask":  {Periodic: true, Named: 1, Label: "machinery task"},
	"(*github.com/RichardKnop/machinery/v2.Server).RegisterTasks": {Periodic: true, Label: "machinery task"},
}

// Later is how a function of startsLater runs what it is handed.
type Later struct {
	// Periodic: on a schedule, or per message of a queue, again and
	// again.
	Periodic bool
	// Method is the method it calls on a value of an interface it is
	// handed (robfig/cron's Job.Run).
	Method string
	// Named is 1 + the index of the argument (the receiver not counted)
	// that names what it runs (asynq's task type); 0 for none. Label
	// says what that names: the job is "Label name" when the argument is
	// a constant (or, for a map of functions by name, the entry's key).
	Named int
	Label string
}

// StartsLater says how fn, a function of another module, runs the
// functions it is handed, if it runs them later, on a goroutine of its
// own, without its caller waiting (see startsLater).
func StartsLater(fn *types.Func) (Later, bool) {
	if fn == nil {
		return Later{}, false
	}
	l, ok := startsLater[fn.Origin().FullName()]
	if !ok {
		return cronFork(fn)
	}
	return l, ok
}

// cronFork reads a fork of robfig/cron as robfig/cron (jakecoffman/cron's
// AddFunc(spec, cmd, name), a vendored copy): a method AddFunc, AddJob
// or Schedule of a type Cron of a package named cron, handed a func() or
// a value with a Run() method, schedules it as robfig/cron's does.
func cronFork(fn *types.Func) (Later, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Name() != "cron" {
		return Later{}, false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); !ok || n.Obj().Name() != "Cron" {
		return Later{}, false
	}
	for i := range sig.Params().Len() {
		pt := sig.Params().At(i).Type()
		switch u := pt.Underlying().(type) {
		case *types.Signature:
			if fn.Name() == "AddFunc" && u.Params().Len() == 0 {
				return Later{Periodic: true}, true
			}
		case *types.Interface:
			if fn.Name() != "AddJob" && fn.Name() != "Schedule" {
				continue
			}
			for m := range u.Methods() {
				if m.Name() == "Run" {
					return Later{Periodic: true, Method: "Run"}, true
				}
			}
		}
	}
	return Later{}, false
}
