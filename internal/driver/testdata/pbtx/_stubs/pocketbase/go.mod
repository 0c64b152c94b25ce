module github.com/pocketbase/pocketbase

go 1.22
