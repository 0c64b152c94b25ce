module sqlcshop

go 1.22
