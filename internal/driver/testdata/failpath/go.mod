module example.com/failpath

go 1.22
