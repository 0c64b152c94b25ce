module go.uber.org/dig

go 1.22
