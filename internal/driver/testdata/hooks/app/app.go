// Package app keeps a hook per event type, each with its own handler.
package app

import (
	"database/sql"

	"example.com/hooks/hook"
	"example.com/hooks/tick"
)

type UserEvent struct {
	hook.Event
	Name string
}

type BackupEvent struct {
	hook.Event
	File string
}

type App struct {
	DB       *sql.DB
	onUser   *hook.Hook[*UserEvent]
	onBackup *hook.Hook[*BackupEvent]
}

func New(db *sql.DB) *App {
	a := &App{DB: db, onUser: &hook.Hook[*UserEvent]{}, onBackup: &hook.Hook[*BackupEvent]{}}
	a.onUser.BindFunc(a.auditUser)
	a.onBackup.BindFunc(func(e *BackupEvent) error {
		a.DB.Exec("INSERT INTO backup_log (file) VALUES ($1)", e.File)
		return e.Next()
	})
	return a
}

func (a *App) OnUser() *hook.Hook[*UserEvent] { return a.onUser }

func (a *App) auditUser(e *UserEvent) error {
	a.DB.Exec("INSERT INTO user_log (name) VALUES ($1)", e.Name)
	return e.Next()
}

// CreateUser triggers the user hook: its handler and the one-off
// insert run, not the backup hook's.
func (a *App) CreateUser(name string) error {
	return a.OnUser().Trigger(&UserEvent{Name: name}, func(e *UserEvent) error {
		_, err := a.DB.Exec("INSERT INTO users (name) VALUES ($1)", e.Name)
		return err
	})
}

// Backup triggers the backup hook alone.
func (a *App) Backup(file string) error {
	return a.onBackup.Trigger(&BackupEvent{File: file}, func(e *BackupEvent) error {
		_, err := a.DB.Exec("INSERT INTO backups (file) VALUES ($1)", file)
		return err
	})
}

// Replay calls Next on an event it is handed as a bare *hook.Event: which
// event's function that is the code does not show, so it may run any.
func Replay(e *hook.Event) error { return e.Next() }

type ATick struct{ tick.Base }

type BTick struct{ tick.Base }

func (a *App) TickA() {
	t := &ATick{}
	t.Set(func() { a.DB.Exec("UPDATE a_ticks SET n = n + 1") })
	t.Run()
}

func (a *App) TickB() {
	t := &BTick{}
	t.Set(func() { a.DB.Exec("UPDATE b_ticks SET n = n + 1") })
	t.Run()
}

// Swap copies an ATick's base into a BTick: the function set on the one
// is now the other's, so a BTick's Run may run what was set on an ATick.
func Swap(x *ATick, y *BTick) { y.Base = x.Base }
