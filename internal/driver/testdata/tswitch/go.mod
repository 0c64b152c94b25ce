module example.com/tswitch

go 1.23
