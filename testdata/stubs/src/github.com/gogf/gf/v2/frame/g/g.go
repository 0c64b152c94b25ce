// Package g is a stub of GoFrame's shortcuts (github.com/gogf/gf/v2/frame/g).
package g

import (
	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	Map  = map[string]interface{}
	List = []Map
	// Meta holds a request struct's route in its tags (path, method).
	Meta struct{}
)

// DB returns the database of the configuration group name.
func DB(name ...string) gdb.DB { return nil }

// Model starts a statement on the default database.
func Model(tableNameOrStruct ...interface{}) *gdb.Model { return nil }

// Server returns the server of the name.
func Server(name ...interface{}) *ghttp.Server { return nil }
