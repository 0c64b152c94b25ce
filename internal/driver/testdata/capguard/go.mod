module example.com/capguard

go 1.23
