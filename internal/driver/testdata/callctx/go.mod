module example.com/callctx

go 1.23
