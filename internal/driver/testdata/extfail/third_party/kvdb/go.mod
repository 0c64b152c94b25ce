module example.net/kvdb

go 1.22
