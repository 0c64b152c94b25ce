module sqlcbooks

go 1.22
