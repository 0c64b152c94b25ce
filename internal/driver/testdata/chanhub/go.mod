module example.com/chanhub

go 1.23
