module example.com/embedfew

go 1.23
