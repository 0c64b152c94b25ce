module gcl

go 1.22
