module example.com/async

go 1.23
