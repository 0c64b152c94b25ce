module example.com/constflag

go 1.22
