module example.com/percaller

go 1.23
