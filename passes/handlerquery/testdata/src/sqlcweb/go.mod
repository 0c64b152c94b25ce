module sqlcweb

go 1.22
