module example.com/ownrouter

go 1.23
