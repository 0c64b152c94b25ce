// Stub of gorm.io/gorm/clause (signatures mirror v1.31.2; bodies are placeholders).

package clause

// Writer writer interface
type Writer interface {
	WriteByte(byte) error
	WriteString(string) (int, error)
}

// Builder builder interface
type Builder interface {
	Writer
	WriteQuoted(field interface{})
	AddVar(Writer, ...interface{})
	AddError(error) error
}

// Expression expression interface
type Expression interface {
	Build(builder Builder)
}

// Expr raw expression
type Expr struct {
	SQL                string
	Vars               []interface{}
	WithoutParentheses bool
}

func (expr Expr) Build(builder Builder) { panic("stub") }

// Eq equal to for where
type Eq struct {
	Column interface{}
	Value  interface{}
}

func (eq Eq) Build(builder Builder) { panic("stub") }

// Column quote with name
type Column struct {
	Table string
	Name  string
	Alias string
	Raw   bool
}

// Table quote with name
type Table struct {
	Name  string
	Alias string
	Raw   bool
}

// Returning RETURNING clause
type Returning struct {
	Columns []Column
}

func (returning Returning) Name() string { panic("stub") }

func (returning Returning) Build(builder Builder) { panic("stub") }

// Locking FOR UPDATE / FOR SHARE clause
type Locking struct {
	Strength string
	Table    Table
	Options  string
}

func (locking Locking) Name() string { panic("stub") }

func (locking Locking) Build(builder Builder) { panic("stub") }

// OnConflict ON CONFLICT clause
type OnConflict struct {
	Columns      []Column
	OnConstraint string
	DoNothing    bool
	UpdateAll    bool
}

func (OnConflict) Name() string { panic("stub") }

func (onConflict OnConflict) Build(builder Builder) { panic("stub") }

type JoinType string

type JoinTarget struct {
	Type        JoinType
	Association string
	Subquery    Expression
	Table       string
}

type Assignment struct {
	Column Column
	Value  interface{}
}

type Assigner interface {
	Assignments() []Assignment
}
