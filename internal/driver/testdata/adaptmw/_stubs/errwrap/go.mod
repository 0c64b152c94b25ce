module example.net/errwrap

go 1.22
