module github.com/go-co-op/gocron

go 1.22
