module example.com/joined

go 1.22
