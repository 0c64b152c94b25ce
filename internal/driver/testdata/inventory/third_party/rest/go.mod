module example.net/rest

go 1.22
