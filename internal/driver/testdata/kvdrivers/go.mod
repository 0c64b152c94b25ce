module example.com/kvdrivers

go 1.22
