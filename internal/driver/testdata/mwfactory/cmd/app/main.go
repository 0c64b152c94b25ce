package main

import (
	"database/sql"

	"github.com/gin-gonic/gin"

	"example.com/mwfactory/mw"
	"example.com/mwfactory/store"
	"example.com/mwfactory/web"
)

func bindMiddleware(fn web.MiddlewareFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		fn(&web.Context{Context: c})
	}
}

func bindAPI(fn web.APIFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		res, err := fn(&web.Context{Context: c})
		if err != nil {
			c.JSON(500, err.Error())
			return
		}
		c.JSON(200, res)
	}
}

func items(c *web.Context) (any, error) {
	store.Items(c.Request.Context())
	return nil, nil
}

func tags(c *web.Context) (any, error) {
	store.Tags(c.Request.Context())
	return nil, nil
}

// madeTags is a factory returning another's call.
func madeTags() web.APIFunc { return tagsHandler(1) }

func tagsHandler(n int) web.APIFunc {
	return func(c *web.Context) (any, error) {
		store.Tags(c.Request.Context())
		return n, nil
	}
}

func main() {
	store.DB, _ = sql.Open("postgres", "")
	cfg := &mw.Config{}
	r := gin.New()
	api := r.Group("/api")
	api.Use(bindMiddleware(mw.JWTByHeader(cfg)))
	api.GET("/items", bindAPI(items))
	cookies := r.Group("/pictures")
	cookies.Use(bindMiddleware(mw.JWTByCookie(cfg)))
	cookies.GET("/tags", bindAPI(tags))
	direct := r.Group("/direct")
	direct.Use(bindMiddleware(mw.Direct(cfg)))
	direct.GET("/items", bindAPI(items))
	direct.GET("/made", bindAPI(madeTags()))
	_ = r.Run(":8080")
}
