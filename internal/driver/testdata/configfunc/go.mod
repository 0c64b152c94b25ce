module example.com/configfunc

go 1.22
