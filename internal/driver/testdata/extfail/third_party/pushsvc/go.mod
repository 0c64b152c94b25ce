module example.net/pushsvc

go 1.22
