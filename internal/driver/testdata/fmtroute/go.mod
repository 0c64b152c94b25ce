module example.com/fmtroute

go 1.22
