module sqlcapp

go 1.22
