// Package gocron stubs go-co-op/gocron v1's API.
package gocron

import "time"

type Job struct{ fn any }

type Scheduler struct{ jobs []*Job }

func NewScheduler(loc *time.Location) *Scheduler { return &Scheduler{} }

func (s *Scheduler) Every(interval any) *Scheduler { return s }

func (s *Scheduler) Do(jobFun any, params ...any) (*Job, error) {
	j := &Job{fn: jobFun}
	s.jobs = append(s.jobs, j)
	return j, nil
}

func (s *Scheduler) StartAsync() {}
