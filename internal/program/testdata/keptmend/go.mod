module example.com/keptmend

go 1.25
