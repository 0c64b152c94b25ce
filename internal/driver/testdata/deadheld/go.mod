module example.com/deadheld

go 1.22
