module example.com/regchain

go 1.25
