module example.com/deadexample

go 1.22
