package program

import (
	"slices"
	"strings"
	"testing"
)

// The task handlers registered on asynq (../driver/testdata/asynq, see
// its README.txt) are jobs the start starts, named by their task type
// when a constant names it, through the worker's helper too; a server's
// own handler, the handler a request registers per name, and the
// worker's middleware (every task's) by their function. What only code
// nothing runs registers through the helper (jobs.Orphan) is none. The start itself runs none of them.
func TestAsynqJobs(t *testing.T) {
	l := load(t, "../driver/testdata/asynq")
	p := l.build(t, initialLazy)
	start := p.Startup()
	var all []*Entry
	for q, res := range l.routes {
		if q.ID == q.PkgPath {
			for _, r := range res.Routes {
				all = append(all, p.RouteEntry(r))
			}
		}
	}
	all = append(all, start...)
	var got []string
	for _, e := range p.Started(all) {
		got = append(got, e.Role.String()+" "+e.Name+" runs "+e.Parts[0].Func.key)
	}
	want := []string{
		"job asynq task \"welcome:send\" runs (*example.com/tasks/jobs.Welcomer).Welcome$bound",
		"job asynq task \"report:build\" runs (*example.com/tasks/jobs.ReportProcessor).ProcessTask",
		"job jobs.(*Mailer).ProcessTask runs (*example.com/tasks/jobs.Mailer).ProcessTask",
		"job asynq task jobs.TypeImport runs example.com/tasks/jobs.Import$1",
		"job asynq task jobs.TypeReindex runs example.com/tasks/jobs.Reindex$1", // through RegisterPlain, handed on as it is: one job
		"job jobs.Ping runs example.com/tasks/jobs.Ping$1",
		"job worker.(*Consumer).logging runs (*example.com/tasks/worker.Consumer).logging$1", // the middleware's, every task's
		"job machinery task \"due\" runs (*example.com/tasks/jobs.Notifier).Due$bound",       // RegisterTasks: a map by name
		"job machinery task \"digest\" runs (*example.com/tasks/jobs.Notifier).Digest$bound", // RegisterTask
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("started:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, e := range start {
		for _, q := range p.Queries(e) {
			pos := p.Fset.Position(q.Site.Call.Pos())
			if strings.HasSuffix(pos.Filename, "jobs/jobs.go") {
				t.Errorf("the start %s reaches jobs.go:%d, which a task's handler runs", e.Name, pos.Line)
			}
		}
	}
}
