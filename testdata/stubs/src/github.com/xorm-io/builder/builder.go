// Stub of github.com/xorm-io/builder (signatures mirror v0.3.13, as xorm.io/builder; bodies are placeholders).

package builder

// Cond is a condition.
type Cond interface {
	WriteTo(Writer) error
	And(...Cond) Cond
	Or(...Cond) Cond
	IsValid() bool
}

type Writer interface{}

type Eq map[string]interface{}
type Neq map[string]interface{}
type Gt map[string]interface{}
type Gte map[string]interface{}
type Lt map[string]interface{}
type Lte map[string]interface{}
type Like [2]string
type IsNull [1]string
type NotNull [1]string

type Between struct {
	Col     string
	LessVal interface{}
	MoreVal interface{}
}

func (Eq) WriteTo(Writer) error      { panic("stub") }
func (Eq) And(...Cond) Cond          { panic("stub") }
func (Eq) Or(...Cond) Cond           { panic("stub") }
func (Eq) IsValid() bool             { panic("stub") }
func (Neq) WriteTo(Writer) error     { panic("stub") }
func (Neq) And(...Cond) Cond         { panic("stub") }
func (Neq) Or(...Cond) Cond          { panic("stub") }
func (Neq) IsValid() bool            { panic("stub") }
func (Gt) WriteTo(Writer) error      { panic("stub") }
func (Gt) And(...Cond) Cond          { panic("stub") }
func (Gt) Or(...Cond) Cond           { panic("stub") }
func (Gt) IsValid() bool             { panic("stub") }
func (Gte) WriteTo(Writer) error     { panic("stub") }
func (Gte) And(...Cond) Cond         { panic("stub") }
func (Gte) Or(...Cond) Cond          { panic("stub") }
func (Gte) IsValid() bool            { panic("stub") }
func (Lt) WriteTo(Writer) error      { panic("stub") }
func (Lt) And(...Cond) Cond          { panic("stub") }
func (Lt) Or(...Cond) Cond           { panic("stub") }
func (Lt) IsValid() bool             { panic("stub") }
func (Lte) WriteTo(Writer) error     { panic("stub") }
func (Lte) And(...Cond) Cond         { panic("stub") }
func (Lte) Or(...Cond) Cond          { panic("stub") }
func (Lte) IsValid() bool            { panic("stub") }
func (Like) WriteTo(Writer) error    { panic("stub") }
func (Like) And(...Cond) Cond        { panic("stub") }
func (Like) Or(...Cond) Cond         { panic("stub") }
func (Like) IsValid() bool           { panic("stub") }
func (IsNull) WriteTo(Writer) error  { panic("stub") }
func (IsNull) And(...Cond) Cond      { panic("stub") }
func (IsNull) Or(...Cond) Cond       { panic("stub") }
func (IsNull) IsValid() bool         { panic("stub") }
func (NotNull) WriteTo(Writer) error { panic("stub") }
func (NotNull) And(...Cond) Cond     { panic("stub") }
func (NotNull) Or(...Cond) Cond      { panic("stub") }
func (NotNull) IsValid() bool        { panic("stub") }
func (Between) WriteTo(Writer) error { panic("stub") }
func (Between) And(...Cond) Cond     { panic("stub") }
func (Between) Or(...Cond) Cond      { panic("stub") }
func (Between) IsValid() bool        { panic("stub") }

func And(conds ...Cond) Cond                       { panic("stub") }
func Or(conds ...Cond) Cond                        { panic("stub") }
func In(col string, values ...interface{}) Cond    { panic("stub") }
func NotIn(col string, values ...interface{}) Cond { panic("stub") }
func Expr(sql string, args ...interface{}) Cond    { panic("stub") }
func NewCond() Cond                                { panic("stub") }

// Builder builds a statement (a subquery of In).
type Builder struct{}

func Select(cols ...string) *Builder                                  { panic("stub") }
func (b *Builder) From(subject interface{}, alias ...string) *Builder { panic("stub") }
func (b *Builder) Where(cond Cond) *Builder                           { panic("stub") }
