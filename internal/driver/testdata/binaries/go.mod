module example.com/binaries

go 1.22
