// Package gocron stubs go-co-op/gocron v2's API.
package gocron

import "time"

type task struct {
	function   any
	parameters []any
}

type Task func() task

func NewTask(function any, parameters ...any) Task {
	return func() task { return task{function, parameters} }
}

type JobDefinition interface{ setup() }

type duration time.Duration

func (duration) setup() {}

func DurationJob(d time.Duration) JobDefinition { return duration(d) }

type Job interface{ Name() string }

type Scheduler interface {
	NewJob(JobDefinition, Task) (Job, error)
	Start()
}

func NewScheduler() (Scheduler, error) { return nil, nil }
