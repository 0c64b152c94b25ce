// Package gozerodb runs its SQL through go-zero, the way goctl's models
// do: sqlx's Session (a connection, or a transaction's session), a
// prepared statement, and sqlc's CachedConn, whose cached methods hand
// the model's own closure the connection.
package gozerodb // want `stats: 14 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"fmt"

	"strings"

	"github.com/zeromicro/go-zero/core/stores/builder"
	"github.com/zeromicro/go-zero/core/stores/sqlc"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/core/stringx"
)

type User struct {
	Id         int64  `db:"id"`
	Name       string `db:"name"`
	Email      string `db:"email,type=char"`
	Secret     string `db:"-"`
	CreateTime int64  `db:"create_time"`
	Version    int64
}

// The column lists goctl writes above a model.
var (
	userFieldNames        = builder.RawFieldNames(&User{})
	userRows              = strings.Join(userFieldNames, ",")
	userRowsExpectAutoSet = strings.Join(stringx.Remove(userFieldNames, "`id`", "`create_time`"), ",")
	userRowsPlaceHolder   = strings.Join(stringx.Remove(userFieldNames, "`id`", "`create_time`"), "=?,") + "=?"
	userColumnsPg         = strings.Join(builder.RawFieldNames(&User{}, true), ",")
)

type userModel struct {
	sqlc.CachedConn
	conn  sqlx.SqlConn
	table string
}

func newUserModel(conn sqlx.SqlConn) *userModel {
	return &userModel{CachedConn: sqlc.NewConn(conn), conn: conn, table: "`users`"}
}

func (m *userModel) FindOne(ctx context.Context, id int64) (*User, error) { // want `issuesQueries\(.*\)`
	var resp User
	err := m.QueryRowCtx(ctx, &resp, fmt.Sprintf("cache:user:id:%v", id), func(ctx context.Context, conn sqlx.SqlConn, v any) error {
		query := fmt.Sprintf("select %s from %s where `id` = ? limit 1", "`id`,`name`", "`user`")
		return conn.QueryRowCtx(ctx, v, query, id) // want "site query read \"select `id`,`name` from `user` where `id` = \\? limit 1\""
	})
	return &resp, err
}

func (m *userModel) Generated(ctx context.Context, data *User) error { // want `issuesQueries\(.*\)`
	var u User
	m.conn.QueryRowCtx(ctx, &u, fmt.Sprintf("select %s from %s where `id` = ? limit 1", userRows, m.table))                                   // want "site query read \"select `id`,`name`,`email`,`create_time`,`Version` from `users` where `id` = \\? limit 1\""
	m.conn.ExecCtx(ctx, fmt.Sprintf("insert into users (%s) values (?, ?, ?)", userRowsExpectAutoSet), data.Name, data.Email, data.Version)   // want "site exec write \"insert into users \\(`name`,`email`,`Version`\\) values \\(\\?, \\?, \\?\\)\""
	m.conn.ExecCtx(ctx, fmt.Sprintf("update users set %s where `id` = ?", userRowsPlaceHolder), data.Name, data.Email, data.Version, data.Id) // want "site exec write \"update users set `name`=\\?,`email`=\\?,`Version`=\\? where `id` = \\?\""
	return m.conn.QueryRowCtx(ctx, &u, "select "+userColumnsPg+" from users limit 1")                                                         // want `site query read "select id,name,email,create_time,Version from users limit 1"`
}

func (m *userModel) Methods(ctx context.Context, s sqlx.Session) error { // want `issuesQueries\(.*\)`
	var us []User
	var n int64
	m.QueryRowsNoCacheCtx(ctx, &us, "select id from users where name = ?", "a") // want `site query read "select id from users where name = \?"`
	m.QueryRowNoCacheCtx(ctx, &n, "select count(*) from users")                 // want `site query read "select count\(\*\) from users"`
	m.ExecNoCacheCtx(ctx, "delete from session where user_id = ?", 1)           // want `site exec write "delete from session where user_id = \?"`
	s.ExecCtx(ctx, "update users set name = ? where id = ?", "b", 1)            // want `site exec write "update users set name = \? where id = \?"`
	m.conn.QueryRows(&us, "select id from users")                               // want `site query read "select id from users"`
	m.conn.QueryRowPartialCtx(ctx, &n, "select max(id) from users")             // want `site query read "select max\(id\) from users"`
	m.conn.Exec("delete from users where id = ?", 2)                            // want `site exec write "delete from users where id = \?"`
	stmt, err := m.conn.PrepareCtx(ctx, "select name from users where id = ?")  // want `site prepare read "select name from users where id = \?"`
	if err != nil {
		return err
	}
	defer stmt.Close()
	return stmt.QueryRowCtx(ctx, &n, 1) // want `site stmt read "select name from users where id = \?"`
}
