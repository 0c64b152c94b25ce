module github.com/go-co-op/gocron/v2

go 1.22
