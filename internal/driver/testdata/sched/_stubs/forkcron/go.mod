module example.net/forkcron

go 1.22
