// Package gormapp has no SQL schema: its tables are what AutoMigrate
// makes of its models.
package gormapp

import "gorm.io/gorm"

type Message struct {
	ID            uint `gorm:"primaryKey"`
	ApplicationID uint
	Title         string
	Priority      int
}

type Application struct {
	ID     uint   `gorm:"primaryKey"`
	Token  string `gorm:"uniqueIndex:uix_applications_token"`
	UserID uint   `gorm:"index"`
	Name   string
}

func Migrate(db *gorm.DB) error {
	return db.AutoMigrate(new(Message), new(Application))
}

func ByApplication(db *gorm.DB, appID uint) []Message {
	var out []Message
	db.Where("application_id = ?", appID).Order("id desc").Find(&out) // want `no index serves the equality filter on messages\(application_id\)`
	return out
}

func ByID(db *gorm.DB, id uint) *Message {
	m := new(Message)
	db.Find(m, id) // the primary key: silent
	return m
}

func ByToken(db *gorm.DB, token string) *Application {
	app := new(Application)
	db.Where("token = ?", token).Find(app) // uniqueIndex: silent
	return app
}

// Note embeds gorm.Model: gorm adds `deleted_at IS NULL` to every query
// and indexes deleted_at. That index does not narrow a lookup by owner:
// nearly every row has deleted_at NULL.
type Note struct {
	gorm.Model
	OwnerID uint
	Body    string
}

func MigrateNotes(db *gorm.DB) error { return db.AutoMigrate(new(Note)) }

func NotesOf(db *gorm.DB, owner uint) []Note {
	var out []Note
	db.Where("owner_id = ?", owner).Find(&out) // want `no index serves the equality filter on notes\(owner_id\)`
	return out
}

func NoteByID(db *gorm.DB, id uint) *Note {
	n := new(Note)
	db.First(n, id) // the primary key, beside deleted_at IS NULL: silent
	return n
}

func LiveNotes(db *gorm.DB) []Note {
	var out []Note
	db.Find(&out) // deleted_at IS NULL alone matches most rows: nothing to advise
	return out
}
