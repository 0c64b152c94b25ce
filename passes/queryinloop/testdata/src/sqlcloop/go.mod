module sqlcloop

go 1.22
