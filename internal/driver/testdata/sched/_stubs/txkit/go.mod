module example.net/txkit

go 1.22
