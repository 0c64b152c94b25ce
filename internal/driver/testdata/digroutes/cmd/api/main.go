package main

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/dig"

	"example.com/digroutes/users"
)

func newEngine() *gin.Engine { return gin.New() }

func newV1(e *gin.Engine) *gin.RouterGroup { return e.Group("/v1") }

func openDB() (*sql.DB, error) { return sql.Open("postgres", "") }

// warm reads each user's settings once, when the container starts the
// service: start-up, not a request's N+1.
func warm(db *sql.DB) {
	rows, _ := db.Query(`SELECT id FROM users`)
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		db.QueryRow(`SELECT theme FROM settings WHERE user_id = $1`, id)
	}
}

func main() {
	c := dig.New()
	c.Provide(newEngine)
	c.Provide(newV1)
	c.Provide(openDB)
	c.Invoke(users.Register)
	c.Invoke(warm)
	c.Invoke(func(e *gin.Engine, db *sql.DB) {
		users.Admin(e.Group("/admin"), db)
		http.ListenAndServe(":8080", e)
	})
}
