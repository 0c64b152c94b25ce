module example.com/getters

go 1.22
