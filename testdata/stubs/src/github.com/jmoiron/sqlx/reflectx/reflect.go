// Stub of github.com/jmoiron/sqlx/reflectx (signatures mirror v1.4.0; bodies are placeholders).

package reflectx

// Mapper is a general purpose mapper of names to struct fields.
type Mapper struct {
	tagName string
}

func NewMapper(tagName string) *Mapper { panic("stub") }

func NewMapperTagFunc(tagName string, mapFunc, tagMapFunc func(string) string) *Mapper {
	panic("stub")
}

func NewMapperFunc(tagName string, f func(string) string) *Mapper { panic("stub") }
