module github.com/appleboy/gin-jwt/v2

go 1.22

require github.com/gin-gonic/gin v1.10.0

replace github.com/gin-gonic/gin => ../../../gin-gonic/gin
