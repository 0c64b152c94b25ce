module github.com/knadh/goyesql/v2

go 1.22
