module github.com/gocraft/dbr/v2

go 1.22
