module example.com/lazyprep

go 1.22
