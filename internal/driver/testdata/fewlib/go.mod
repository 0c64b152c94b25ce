module example.com/fewlib

go 1.22
