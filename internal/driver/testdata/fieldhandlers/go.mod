module example.com/fieldhandlers

go 1.22
