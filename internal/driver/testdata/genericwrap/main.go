// Command genericwrap registers handlers of its own signature through
// generic wrappers (commonHandler[T]) and plain ones: each route runs the
// handler its registration hands the wrapper.
package main

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/genericwrap/wrap"
)

var db *sql.DB

type handlerFunc[T any] func(c *gin.Context) (T, error)

func commonHandler[T any](handler handlerFunc[T]) func(*gin.Context) {
	return func(c *gin.Context) {
		handle(c, handler)
	}
}

func handle[T any](c *gin.Context, handler handlerFunc[T]) {
	data, err := handler(c)
	if err != nil {
		return
	}
	_ = data
}

func plainHandler(handler func(c *gin.Context) (int, error)) func(*gin.Context) {
	return func(c *gin.Context) { handler(c) }
}

func viaHandler(handler func(c *gin.Context) (int, error)) func(*gin.Context) {
	return func(c *gin.Context) { run(c, handler) }
}

func run(c *gin.Context, handler func(c *gin.Context) (int, error)) { handler(c) }

func total(c *gin.Context) (int, error) {
	var n int
	db.QueryRowContext(c, "SELECT sum(n) FROM totals").Scan(&n)
	return n, nil
}

func listServers(c *gin.Context) ([]int64, error) {
	var ids []int64
	rows, _ := db.QueryContext(c, "SELECT id FROM servers")
	_ = rows
	for _, id := range c.QueryArray("id") {
		db.ExecContext(c, "UPDATE servers SET seen = now() WHERE id = $1", id)
	}
	return ids, nil
}

func active(c *gin.Context) (int, error) {
	var n int
	db.QueryRowContext(c, "SELECT count(*) FROM sessions").Scan(&n)
	return n, nil
}

func count(c *gin.Context) (int, error) {
	var n int
	db.QueryRowContext(c, "SELECT count(*) FROM users").Scan(&n)
	return n, nil
}

func main() {
	r := gin.New()
	r.GET("/servers", commonHandler(listServers))
	r.GET("/users/count", commonHandler(count))
	r.GET("/sessions/count", commonHandler(active)) // the same instance as count's: commonHandler[int]
	r.GET("/count", plainHandler(count))
	r.GET("/total", viaHandler(total))
	r.GET("/wrapped/users", wrap.Common(count))     // another package's wrapper:
	r.GET("/wrapped/sessions", wrap.Common(active)) // the same instance, wrap.Common[int]
	http.ListenAndServe(":8080", r)
}
