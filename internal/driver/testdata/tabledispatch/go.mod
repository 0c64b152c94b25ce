module example.com/tabledispatch

go 1.22
