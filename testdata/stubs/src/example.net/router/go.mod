module example.net/router

go 1.22
