module example.com/fewret

go 1.22
