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
