module example.com/ifdispatch

go 1.22
