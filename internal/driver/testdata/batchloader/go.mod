module example.com/batchloader

go 1.23
