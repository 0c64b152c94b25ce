// Command libcallbacks logs users in and checks their tokens with a
// library's middleware configured with its own functions: the routes
// run them, though the library's code calls them.
package main

import (
	"database/sql"
	"net/http"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
)

var db *sql.DB

type User struct{ ID int64 }

func identity(c *gin.Context) interface{} {
	claims := jwt.ExtractClaims(c)
	var u User
	db.QueryRowContext(c, "SELECT id FROM users WHERE id = $1", claims["id"]).Scan(&u.ID)
	return &u
}

func authorize(data interface{}, c *gin.Context) bool {
	var ok bool
	db.QueryRowContext(c, "SELECT active FROM users WHERE id = $1", data.(*User).ID).Scan(&ok)
	return ok
}

func login(c *gin.Context) (interface{}, error) {
	var u User
	db.QueryRowContext(c, "SELECT id FROM users WHERE name = $1", c.PostForm("name")).Scan(&u.ID)
	return &u, nil
}

func list(c *gin.Context) {
	db.QueryContext(c, "SELECT id FROM servers")
	c.Status(http.StatusOK)
}

func main() {
	mw, _ := jwt.New(&jwt.GinJWTMiddleware{
		Realm:           "x",
		Key:             []byte("k"),
		Authenticator:   login,
		IdentityHandler: identity,
		Authorizator:    authorize,
	})
	r := gin.New()
	r.POST("/login", mw.LoginHandler)
	api := r.Group("/api")
	api.Use(mw.MiddlewareFunc())
	api.GET("/servers", list)
	http.ListenAndServe(":8080", r)
}
