// Package gdbdb runs its SQL through GoFrame's gdb: raw SQL on the handle
// and a transaction, Model chains on a table by name, and chains started
// from a generated dao of another package (gdbdao).
package gdbdb // want `stats: 27 sites, 6 unresolved, 0 unparsed, 17 orm`

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"gdbdao"
)

type User struct {
	Id       int
	UserName string `orm:"name"`
	DeptId   int
}

type UserRes struct {
	Id       int
	UserName string `orm:"name"`
}

// UserDo is a do object: gdb writes the fields that are not nil.
type UserDo struct {
	g.Meta `orm:"table:users, do:true"`
	Id     interface{}
	Name   interface{}
}

func Raw(ctx context.Context, db gdb.DB, tx gdb.TX) { // want `issuesQueries\(.*\)`
	db.GetAll(ctx, "SELECT id FROM users WHERE dept_id = ?", 1) // want `site query read "SELECT id FROM users WHERE dept_id = \?"`
	db.Exec(ctx, "DELETE FROM users WHERE id = ?", 1)           // want `site exec write "DELETE FROM users WHERE id = \?"`
	tx.Query("SELECT name FROM users")                          // want `site query read "SELECT name FROM users"`
	db.Raw("SELECT count(*) FROM users").Value()                // want `site orm read "SELECT count\(\*\) FROM users"`
}

func Chains(ctx context.Context, db gdb.DB, ids []int, u *User) { // want `issuesQueries\(.*\)`
	var users []User
	db.Model("users").Where("dept_id", 3).Where("name like ?", "a%").Order("id desc").Limit(10).Scan(&users) // want `site orm read "SELECT \* FROM users WHERE \(dept_id = \$1\) AND \(name like \$2\) ORDER BY id desc LIMIT 10"`
	g.Model("users").WhereIn("id", ids).Fields("id, name").All()                                             // want `site orm read "SELECT id, name FROM users WHERE \(id IN \(\$1\)\)"`
	db.Model("users").Where("id", ids).Fields(UserRes{}).One()                                               // want `site orm read "SELECT id, name FROM users WHERE \(id IN \(\$1\)\) LIMIT 1"`
	db.Model("users").Where(g.Map{"dept_id": 1, "age >": 18}).Count()                                        // want `site orm read "SELECT COUNT\(1\) FROM users WHERE \(dept_id = \$1 AND age > \$2\)"`
	db.Model("users").Where(UserDo{Name: "x"}).Value("id")                                                   // want `site orm read "SELECT id FROM users WHERE \(name = \$1\) LIMIT 1"`
	db.Model("users", "u").LeftJoin("depts d", "d.id = u.dept_id").Page(2, 20).All("u.active", true)         // want `site orm read "SELECT \* FROM users u LEFT JOIN depts d ON \(d.id = u.dept_id\) WHERE \(u.active = \$2\) LIMIT 20 OFFSET \$1"`
	db.Model("users").Data(g.Map{"name": "x", "dept_id": 1}).Where("id", 1).Update()                         // want `site orm write "UPDATE users SET name = \$1, dept_id = \$2 WHERE \(id = \$3\)"`
	db.Model("users").Data(UserDo{Name: "x"}).Insert()                                                       // want `site orm write "INSERT INTO users \(name\) VALUES \(\$1\)"`
	db.Model("users").Insert(u)                                                                              // want `site orm write "INSERT INTO users \(id, name, dept_id\) VALUES \(\$1, \$2, \$3\)"`
	db.Model("users").Where("id", 1).Delete()                                                                // want `site orm write "DELETE FROM users WHERE \(id = \$1\)"`
	db.Model("users").Increment("visits", 1)                                                                 // want `site orm write "UPDATE users SET visits = visits \+ \$1"`
	db.Model("users").WherePri(1).One()                                                                      // want `site orm read unresolved: gdb chain: WherePri's key column is gdb's, from the schema at run time`
	db.Model("users").Data(UserDo{Id: 1}).Save()                                                             // want `site orm write "INSERT INTO users \(id\) VALUES \(\$1\) ON CONFLICT DO UPDATE SET id = \$1"`
	db.Model(&User{}).Where("id", 1).One()                                                                   // want `site orm read unresolved: gdb chain: the table of a struct model is gdb's at run time`
	db.Model("users").FieldsEx("password").All()                                                             // want `site orm read unresolved: gdb chain: fields taken from the table's schema at run time`

	// A chain held in a variable, added to on some paths.
	m := db.Model("users")
	if len(ids) > 0 {
		m = m.WhereIn("id", ids)
	}
	m.Count() // want `site orm read "SELECT COUNT\(1\) FROM users WHERE \(id IN \(\$1\)\)"`

	var do UserDo
	db.Model("users").Data(do).Insert() // want `site orm write unresolved: gdb chain: the columns of do are mapped by gdb at run time`
	db.Insert(ctx, "users", u)          // want `site orm write unresolved: gdb Insert: the columns of the data are mapped by gdb at run time`
}

// Dao starts chains from gdbdao's generated dao: its table through the
// fact of its Ctx, its columns through the facts of their fields.
func Dao(ctx context.Context, id int, name string) { // want `issuesQueries\(.*\)`
	var users []User
	gdbdao.User.Ctx(ctx).Where(gdbdao.User.Columns().DeptId, id).Scan(&users)                                // want `site orm read "SELECT \* FROM users WHERE \(dept_id = \$1\)"`
	gdbdao.User.Ctx(ctx).Where(gdbdao.User.Columns().Name+" like ?", name).Fields("id").Array()              // want `site orm read "SELECT id FROM users WHERE \(name like \$1\)"`
	gdbdao.User.Active(ctx).Count()                                                                          // want `site orm read unresolved: gdb Count: the Model comes from Active, whose table is not known here`
	gdbdao.User.Ctx(ctx).Data(g.List{{"name": "a"}, {"name": "b"}}).Insert()                                 // want `site orm write "INSERT INTO users \(name\) VALUES \(\$1\)"`
	gdbdao.User.Ctx(ctx).Where(gdbdao.User.Columns().Id, id).Data(gdbdao.User.Columns().Name, name).Update() // want `site orm write "UPDATE users SET name = \$1 WHERE \(id = \$2\)"`
}
