module example.net/events

go 1.22
