module sqlcbatch

go 1.22
