module example.net/cond

go 1.22
