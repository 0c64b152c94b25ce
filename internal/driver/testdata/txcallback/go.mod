module example.com/txcallback

go 1.22
