module example.com/ownmig

go 1.25
