// Package gormapi queries the models of gormapp, whose AutoMigrate
// reaches it as the DDL of a package it imports.
package gormapi

import (
	"gorm.io/gorm"

	"gormapp"
)

func Apps(db *gorm.DB, userID uint, name string) {
	var apps []gormapp.Application
	db.Where("user_id = ?", userID).Find(&apps) // index on user_id: silent
	db.Where("name = ?", name).Find(&apps)      // want `no index serves the equality filter on applications\(name\)`
}
