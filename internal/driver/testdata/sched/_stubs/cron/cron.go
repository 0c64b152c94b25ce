// Package cron stubs robfig/cron/v3's API: entries are run, each on a
// goroutine of its own, when their schedule fires.
package cron

import "time"

type EntryID int

type Job interface{ Run() }

type FuncJob func()

func (f FuncJob) Run() { f() }

type Schedule interface{ Next(time.Time) time.Time }

type JobWrapper func(Job) Job

type Chain struct{ wrappers []JobWrapper }

func NewChain(c ...JobWrapper) Chain { return Chain{c} }

func (c Chain) Then(j Job) Job {
	for i := range c.wrappers {
		j = c.wrappers[len(c.wrappers)-i-1](j)
	}
	return j
}

func SkipIfStillRunning() JobWrapper { return func(j Job) Job { return j } }

type Cron struct{ jobs []Job }

func New() *Cron { return &Cron{} }

func (c *Cron) AddFunc(spec string, cmd func()) (EntryID, error) { return c.AddJob(spec, FuncJob(cmd)) }

func (c *Cron) AddJob(spec string, cmd Job) (EntryID, error) {
	c.jobs = append(c.jobs, cmd)
	return EntryID(len(c.jobs)), nil
}

func (c *Cron) Schedule(s Schedule, cmd Job) EntryID {
	id, _ := c.AddJob("", cmd)
	return id
}

func (c *Cron) Start() {
	go func() {
		for range time.Tick(time.Minute) {
			for _, j := range c.jobs {
				go j.Run()
			}
		}
	}()
}
