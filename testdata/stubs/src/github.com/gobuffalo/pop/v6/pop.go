// Stub of github.com/gobuffalo/pop/v6 (signatures mirror v6.1; bodies
// are placeholders): the part the tests use; ory's fork (ory/pop/v6)
// has the rest.

package pop

type Connection struct{ ID string }

type Query struct{ RawSQL string }

func (c *Connection) Q() *Query                                        { panic("stub") }
func (c *Connection) Where(stmt string, args ...interface{}) *Query    { panic("stub") }
func (c *Connection) RawQuery(stmt string, args ...interface{}) *Query { panic("stub") }
func (c *Connection) Find(model interface{}, id interface{}) error     { panic("stub") }
func (c *Connection) First(model interface{}) error                    { panic("stub") }
func (c *Connection) All(models interface{}) error                     { panic("stub") }
func (c *Connection) Create(model interface{}, excludeColumns ...string) error {
	panic("stub")
}

func (q *Query) Where(stmt string, args ...interface{}) *Query { panic("stub") }
func (q *Query) First(model interface{}) error                 { panic("stub") }
func (q *Query) All(models interface{}) error                  { panic("stub") }
func (q *Query) Exec() error                                   { panic("stub") }

func (c *Connection) Eager(fields ...string) *Connection   { panic("stub") }
func (c *Connection) EagerPreload(fields ...string) *Query { panic("stub") }
func (q *Query) Eager(fields ...string) *Query             { panic("stub") }
func (q *Query) EagerPreload(fields ...string) *Query      { panic("stub") }
