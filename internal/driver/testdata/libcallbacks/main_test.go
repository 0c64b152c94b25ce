package main

import (
	"testing"

	jwt "github.com/appleboy/gin-jwt/v2"
	"github.com/gin-gonic/gin"
)

// fakeLogin is the test's own callback: no route runs it.
func fakeLogin(c *gin.Context) (interface{}, error) {
	db.QueryRowContext(c, "SELECT id FROM test_users LIMIT 1")
	return &User{}, nil
}

func TestLogin(t *testing.T) {
	jwt.New(&jwt.GinJWTMiddleware{Authenticator: fakeLogin})
}
