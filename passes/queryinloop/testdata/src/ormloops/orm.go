package ormloops

import "gorm.io/gorm"

type User struct {
	ID     int64
	Orders []Order
}

type Order struct{ ID, UserID int64 }

func Gorm(db *gorm.DB, users []User) {
	for i := range users {
		db.Where("user_id = ?", users[i].ID).Find(&users[i].Orders) // fix `Where\("user_id IN \?", keys\).Find\(&rows\)\) and match them to the items in Go; or Preload the association on the query that loads users$` // want `^gorm SELECT from orders runs once per item of users: n round trips instead of 1$`
	}
	// The fix: silent.
	db.Preload("Orders").Find(&users)
}
