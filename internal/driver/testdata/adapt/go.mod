module example.com/adapt

go 1.23
