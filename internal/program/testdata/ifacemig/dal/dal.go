// Package dal is the program's data access layer: an interface, and its
// gorm implementation, which takes models as interface{}.
package dal

import "gorm.io/gorm"

// Dal reads and writes models.
type Dal interface {
	AutoMigrate(model any) error
	All(dst any, where string, args ...any) error
	First(dst any, where string, args ...any) error
	Create(v any) error
	Save(v any) error
}

// Gorm is the Dal over gorm.
type Gorm struct{ db *gorm.DB }

// New returns a Dal over db.
func New(db *gorm.DB) Dal { return &Gorm{db: db} }

// AutoMigrate creates or alters model's table: which table, only the
// caller's model says.
func (g *Gorm) AutoMigrate(model any) error { return g.db.AutoMigrate(model) }

func (g *Gorm) All(dst any, where string, args ...any) error {
	return g.db.Where(where, args...).Find(dst).Error
}

func (g *Gorm) First(dst any, where string, args ...any) error {
	return g.db.Where(where, args...).First(dst).Error
}

func (g *Gorm) Create(v any) error { return g.db.Create(v).Error }

func (g *Gorm) Save(v any) error { return g.db.Save(v).Error }
