module example.net/joinlib

go 1.22
