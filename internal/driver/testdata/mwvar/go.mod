module example.com/mwvar

go 1.22
