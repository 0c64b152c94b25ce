module example.com/categories

go 1.22
