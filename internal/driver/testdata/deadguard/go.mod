module example.com/deadguard

go 1.22
