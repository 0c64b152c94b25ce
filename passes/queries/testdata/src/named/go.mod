module named

go 1.22
