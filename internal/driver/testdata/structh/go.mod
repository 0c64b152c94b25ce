module example.com/structh

go 1.22
