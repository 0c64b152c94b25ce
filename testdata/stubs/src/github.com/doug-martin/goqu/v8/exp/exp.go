// Stub of github.com/doug-martin/goqu/v8/exp (signatures mirror v8.6.0; bodies are placeholders).

package exp

type Expression interface {
	Expression() Expression
}

type Ex map[string]interface{}

func (e Ex) Expression() Expression { return e }
