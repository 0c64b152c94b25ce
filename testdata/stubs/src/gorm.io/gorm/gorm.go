// Stub of gorm.io/gorm (signatures mirror v1.31.2; bodies are placeholders).

package gorm

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"
)

// Config GORM config
type Config struct {
	SkipDefaultTransaction    bool
	DefaultTransactionTimeout time.Duration
	DefaultContextTimeout     time.Duration

	NamingStrategy       schema.Namer
	FullSaveAssociations bool
	Logger               logger.Interface
	NowFunc              func() time.Time
	DryRun               bool
	PrepareStmt          bool
	PrepareStmtMaxSize   int
	PrepareStmtTTL       time.Duration

	DisableAutomaticPing                     bool
	DisableForeignKeyConstraintWhenMigrating bool
	IgnoreRelationshipsWhenMigrating         bool
	DisableNestedTransaction                 bool
	AllowGlobalUpdate                        bool
	QueryFields                              bool
	CreateBatchSize                          int
	TranslateError                           bool
	PropagateUnscoped                        bool

	ConnPool ConnPool
	Dialector
	Plugins map[string]Plugin
}

func (c *Config) Apply(config *Config) error { panic("stub") }

func (c *Config) AfterInitialize(db *DB) error { panic("stub") }

// Option gorm option interface
type Option interface {
	Apply(*Config) error
	AfterInitialize(*DB) error
}

// DB GORM DB definition
type DB struct {
	*Config
	Error        error
	RowsAffected int64
	Statement    *Statement
	clone        int
}

// Session session config when create session with Session() method
type Session struct {
	DryRun                   bool
	PrepareStmt              bool
	NewDB                    bool
	Initialized              bool
	SkipHooks                bool
	SkipDefaultTransaction   bool
	DisableNestedTransaction bool
	AllowGlobalUpdate        bool
	FullSaveAssociations     bool
	PropagateUnscoped        bool
	QueryFields              bool
	Context                  context.Context
	Logger                   logger.Interface
	NowFunc                  func() time.Time
	CreateBatchSize          int
}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) { panic("stub") }

func (db *DB) Session(config *Session) *DB { panic("stub") }

func (db *DB) WithContext(ctx context.Context) *DB { panic("stub") }

func (db *DB) Debug() (tx *DB) { panic("stub") }

func (db *DB) Set(key string, value interface{}) *DB { panic("stub") }

func (db *DB) Get(key string) (interface{}, bool) { panic("stub") }

func (db *DB) InstanceSet(key string, value interface{}) *DB { panic("stub") }

func (db *DB) InstanceGet(key string) (interface{}, bool) { panic("stub") }

func (db *DB) Callback() *callbacks { panic("stub") }

func (db *DB) AddError(err error) error { panic("stub") }

func (db *DB) DB() (*sql.DB, error) { panic("stub") }

func (db *DB) SetupJoinTable(model interface{}, field string, joinTable interface{}) error {
	panic("stub")
}

func (db *DB) Use(plugin Plugin) error { panic("stub") }

func (db *DB) ToSQL(queryFn func(tx *DB) *DB) string { panic("stub") }

type callbacks struct {
	processors map[string]interface{}
}

// Statement statement
type Statement struct {
	*DB
	TableExpr            *clause.Expr
	Table                string
	Model                interface{}
	Unscoped             bool
	Dest                 interface{}
	Distinct             bool
	Selects              []string
	Omits                []string
	ConnPool             ConnPool
	Schema               *schema.Schema
	Context              context.Context
	RaiseErrorOnNotFound bool
	SkipHooks            bool
	Vars                 []interface{}
	CurDestIndex         int
}

// Expr returns clause.Expr, which can be used to pass SQL expression as params
func Expr(expr string, args ...interface{}) clause.Expr { panic("stub") }
