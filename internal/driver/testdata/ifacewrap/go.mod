module example.com/ifacewrap

go 1.22
