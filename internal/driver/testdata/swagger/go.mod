module example.com/swagger

go 1.22
