// Package cron is a stub of pocketbase's scheduler (app.Cron()).
package cron

type Cron struct{}

func New() *Cron { panic("stub") }

func (c *Cron) Add(jobId string, cronExpr string, fn func()) error { panic("stub") }
func (c *Cron) MustAdd(jobId string, cronExpr string, fn func())   { panic("stub") }
func (c *Cron) Start()                                             { panic("stub") }
