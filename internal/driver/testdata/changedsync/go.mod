module example.com/changedsync

go 1.22
