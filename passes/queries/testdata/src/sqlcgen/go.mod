module sqlcgen

go 1.22
