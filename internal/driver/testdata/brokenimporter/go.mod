module example.com/brokenimporter

go 1.22
