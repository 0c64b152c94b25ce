module example.com/unwired

go 1.22
