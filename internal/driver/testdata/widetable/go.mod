module example.com/widetable

go 1.22
