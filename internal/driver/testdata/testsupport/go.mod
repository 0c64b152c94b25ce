module example.com/testsupport

go 1.22
