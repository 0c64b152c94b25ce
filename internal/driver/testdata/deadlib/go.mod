module example.com/deadlib

go 1.22
