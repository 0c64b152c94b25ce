package ormloops

import "gorm.io/gorm"

type User struct {
	ID     int64
	Orders []Order
}

type Order struct{ ID, UserID int64 }

func Gorm(db *gorm.DB, users []User) {
	for i := range users {
		db.Where("user_id = ?", users[i].ID).Find(&users[i].Orders) // want `gorm Find "SELECT \* FROM orders WHERE \(user_id = \$1\)" runs once per item of users: load the association for all items at once with Preload or Joins`
	}
	// The fix: silent.
	db.Preload("Orders").Find(&users)
}
