module example.com/entedges

go 1.22
