// Stub of github.com/doug-martin/goqu/v9/exp (signatures mirror v9.19.0; bodies are placeholders).

package exp

type Expression interface {
	Expression() Expression
}

type (
	Ex     map[string]interface{}
	ExOr   map[string]interface{}
	Op     map[string]interface{}
	Record map[string]interface{}
	Vals   []interface{}
)

func (e Ex) Expression() Expression   { return e }
func (e ExOr) Expression() Expression { return e }

type BooleanExpression interface{ Expression }

type OrderedExpression interface {
	Expression
	NullsFirst() OrderedExpression
	NullsLast() OrderedExpression
}

type AliasedExpression interface{ Expression }

type ExpressionList interface{ Expression }

type LiteralExpression interface {
	Expression
	Eq(val interface{}) BooleanExpression
}

type SQLFunctionExpression interface {
	Expression
	As(interface{}) AliasedExpression
}

type JoinCondition interface{}

type ConflictExpression interface{}

type ConflictUpdateExpression interface {
	ConflictExpression
	Where(expressions ...Expression) ConflictUpdateExpression
}

type RangeVal interface{}

type WaitOption int

type IdentifierExpression interface {
	Expression
	Col(col interface{}) IdentifierExpression
	As(val interface{}) AliasedExpression
	Eq(val interface{}) BooleanExpression
	Neq(val interface{}) BooleanExpression
	Gt(val interface{}) BooleanExpression
	Gte(val interface{}) BooleanExpression
	Lt(val interface{}) BooleanExpression
	Lte(val interface{}) BooleanExpression
	In(vals ...interface{}) BooleanExpression
	NotIn(vals ...interface{}) BooleanExpression
	Like(val interface{}) BooleanExpression
	ILike(val interface{}) BooleanExpression
	IsNull() BooleanExpression
	IsNotNull() BooleanExpression
	IsTrue() BooleanExpression
	Between(val RangeVal) BooleanExpression
	Asc() OrderedExpression
	Desc() OrderedExpression
}
