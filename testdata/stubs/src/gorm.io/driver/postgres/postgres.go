// Stub of gorm.io/driver/postgres (signatures mirror v1.6.3; bodies are placeholders).

package postgres

import "gorm.io/gorm"

type Config struct {
	DriverName           string
	DSN                  string
	WithoutQuotingCheck  bool
	PreferSimpleProtocol bool
	WithoutReturning     bool
	Conn                 gorm.ConnPool
}

type Dialector struct {
	*Config
}

func Open(dsn string) gorm.Dialector { panic("stub") }

func New(config Config) gorm.Dialector { panic("stub") }
