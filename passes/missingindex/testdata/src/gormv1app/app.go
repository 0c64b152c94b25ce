// Package gormv1app has no SQL schema: its tables are what gorm v1's
// AutoMigrate makes of its models (index and unique_index tags).
package gormv1app

import "github.com/jinzhu/gorm"

var db *gorm.DB

type Result struct {
	Id         int64 `gorm:"column:id; primary_key:yes"`
	CampaignId int64 `gorm:"index"`
	Email      string
	RId        string `gorm:"unique_index"`
	Status     string
}

func Setup() {
	db.AutoMigrate(&Result{})
}

func ByStatus(status string) []Result {
	var rs []Result
	db.Where("status = ?", status).Find(&rs) // want `no index serves the equality filter on results\(status\)`
	return rs
}

func ByCampaign(id int64) []Result {
	var rs []Result
	db.Where("campaign_id = ?", id).Find(&rs) // index: silent
	return rs
}

func ByRId(rid string) Result {
	r := Result{}
	db.Where("r_id = ?", rid).First(&r) // unique_index: silent
	return r
}

func ByID(id int64) Result {
	r := Result{}
	db.First(&r, id) // the primary key: silent
	return r
}
