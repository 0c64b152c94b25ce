// Package gormv1 reads gorm v1 (github.com/jinzhu/gorm) chains from a
// package-level handle: the same chain as v2, v1's soft delete (any
// DeletedAt field), Related by the foreign key, and v1's tags.
package gormv1 // want `stats: 19 sites, 3 unresolved, 0 unparsed, 16 orm`

import (
	"time"

	"github.com/jinzhu/gorm"
)

var db *gorm.DB

type Campaign struct {
	Id        int64  `gorm:"column:id; primary_key:yes"`
	UserId    int64  `gorm:"column:user_id"`
	Name      string `gorm:"unique_index"`
	Results   []Result
	DeletedAt *time.Time
}

type Result struct {
	Id         int64 `gorm:"column:id; primary_key:yes"`
	CampaignId int64 `gorm:"index"`
	Email      string
}

type Page struct {
	gorm.Model
	UserId int64
	HTML   string `gorm:"column:html"`
}

func (Page) TableName() string { return "landing_pages" }

// Member's two fields share one unique index, over both columns.
type Member struct {
	Id      int64 `gorm:"column:id; primary_key:yes"`
	UserId  int64 `gorm:"unique_index:idx_member"`
	GroupId int64 `gorm:"unique_index:idx_member"`
}

func Reads(id, uid int64) { // want `issuesQueries\(.*\)`
	c := Campaign{}
	db.Where("id=? and user_id=?", id, uid).First(&c)                                                                                                                  // want `site orm read "SELECT \* FROM campaigns WHERE \(id=\$1 and user_id=\$2\) AND \(campaigns.deleted_at IS NULL\) ORDER BY campaigns.id LIMIT 1"`
	db.Model(&c).Related(&c.Results)                                                                                                                                   // want `site orm read "SELECT \* FROM results WHERE \(results.campaign_id = \$1\)"`
	db.Table("results r").Select("r.email, count(*)").Joins("join campaigns c on c.id = r.campaign_id").Where("c.user_id = ?", uid).Group("r.email").Scan(&[]Result{}) // want `site orm read "SELECT r.email, count\(\*\) FROM results r join campaigns c on c.id = r.campaign_id WHERE \(c.user_id = \$1\) GROUP BY r.email"`
	var n int
	db.Model(&Result{}).Where("campaign_id = ?", id).Count(&n) // want `site orm read "SELECT count\(\*\) FROM results WHERE \(campaign_id = \$1\)"`
	var ps []Page
	db.Where("user_id = ?", uid).Find(&ps)             // want `site orm read "SELECT \* FROM landing_pages WHERE \(user_id = \$1\) AND \(landing_pages.deleted_at IS NULL\)"`
	db.Preload("Results").Where("id = ?", id).Find(&c) // want `site orm read "SELECT \* FROM campaigns WHERE \(id = \$1\) AND \(campaigns.deleted_at IS NULL\);\\nSELECT \* FROM results WHERE results.campaign_id IN \(\$2\)"`
}

func Writes(c *Campaign, p *Page) { // want `issuesQueries\(.*\)`
	// Save updates a value whose key is set and inserts one whose key
	// is zero; a value handed in may be either.
	db.Save(c)                                       // want `site orm write "UPDATE campaigns SET user_id = \$1, name = \$2, deleted_at = \$3 WHERE \(campaigns.id = \$4\) AND \(campaigns.deleted_at IS NULL\);\\nINSERT INTO campaigns \(user_id, name, deleted_at\) VALUES \(\$1, \$2, \$3\)"`
	db.Save(&Campaign{Id: c.Id, Name: "x"})          // want `site orm write "UPDATE campaigns SET user_id = \$1, name = \$2, deleted_at = \$3 WHERE \(campaigns.id = \$4\) AND \(campaigns.deleted_at IS NULL\)"`
	db.Save(&Campaign{UserId: c.UserId})             // want `site orm write "INSERT INTO campaigns \(user_id, name, deleted_at\) VALUES \(\$1, \$2, \$3\)"`
	db.Save(new(Result))                             // want `site orm write "INSERT INTO results \(campaign_id, email\) VALUES \(\$1, \$2\)"`
	db.Create(&Result{CampaignId: c.Id})             // want `site orm write "INSERT INTO results \(campaign_id, email\) VALUES \(\$1, \$2\)"`
	db.Where("campaign_id=?", c.Id).Delete(Result{}) // want `site orm write "DELETE FROM results WHERE \(campaign_id=\$1\)"`
	db.Delete(p)                                     // want `site orm write "UPDATE landing_pages SET deleted_at = \$1 WHERE \(landing_pages.id = \$2\) AND \(landing_pages.deleted_at IS NULL\)"`
}

func Migrate() { // want `issuesQueries\(.*\)`
	db.AutoMigrate(&Campaign{}, &Result{})                     // want `site orm ddl "CREATE TABLE IF NOT EXISTS campaigns \(id bigserial, user_id bigint, name text, deleted_at timestamptz, PRIMARY KEY \(id\)\);\\nCREATE UNIQUE INDEX IF NOT EXISTS uix_campaigns_name ON campaigns \(name\);\\nCREATE TABLE IF NOT EXISTS results \(id bigserial, campaign_id bigint, email text, PRIMARY KEY \(id\)\);\\nCREATE INDEX IF NOT EXISTS idx_results_campaign_id ON results \(campaign_id\)"`
	db.Model(&Result{}).AddIndex("idx_results_email", "email") // want `site orm ddl "CREATE INDEX idx_results_email ON results \(email\)"`
	db.AutoMigrate(&Member{})                                  // want `site orm ddl "CREATE TABLE IF NOT EXISTS members \(id bigserial, user_id bigint, group_id bigint, PRIMARY KEY \(id\)\);\\nCREATE UNIQUE INDEX IF NOT EXISTS idx_member ON members \(user_id, group_id\)"`
}

// What v1 decides at run time stays unresolved, with the reason.
func Unknown(model any, m map[string]any) { // want `issuesQueries\(.*\)`
	db.Model(model).Related(&[]Result{})   // want `site orm read unresolved: gorm Related: model model is chosen at run time`
	db.Model(&Result{}).Related(&[]Page{}) // want `site orm read unresolved: gorm Related: no foreign key between results and landing_pages \(tried PageId, ResultId\)`
	db.Model(&Result{}).Update(m)          // want `site orm write unresolved: gorm Update: updated column is not constant`
}
