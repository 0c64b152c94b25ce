module example.com/shapedwrap

go 1.22
