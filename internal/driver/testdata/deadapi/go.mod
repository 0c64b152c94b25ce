module example.com/deadapi

go 1.22
