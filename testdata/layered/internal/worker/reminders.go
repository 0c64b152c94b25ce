// Package worker runs the tracker's background jobs.
package worker

import (
	"context"
	"log"
	"time"

	"example.com/layered/internal/repo"
	"example.com/layered/internal/store"
)

// Reminders tells assignees about tasks that are due, once per task.
type Reminders struct {
	st     *store.Store
	every  time.Duration
	notify func(repo.Task) error
	log    *log.Logger
}

// NewReminders returns the job; notify delivers one reminder.
func NewReminders(st *store.Store, every time.Duration, notify func(repo.Task) error, logger *log.Logger) *Reminders {
	return &Reminders{st: st, every: every, notify: notify, log: logger}
}

// Run sends reminders until ctx is cancelled.
func (j *Reminders) Run(ctx context.Context) {
	t := time.NewTicker(j.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := j.tick(ctx); err != nil {
				j.log.Printf("reminders: %v", err)
			}
		}
	}
}

func (j *Reminders) tick(ctx context.Context) error {
	due, err := j.st.DueTasks(ctx)
	if err != nil {
		return err
	}
	for _, t := range due {
		if err := j.notify(t); err != nil {
			return err
		}
		if err := j.st.MarkReminded(ctx, t.ID); err != nil {
			return err
		}
	}
	return nil
}
