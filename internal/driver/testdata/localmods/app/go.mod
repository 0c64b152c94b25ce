module example.com/app

go 1.22

require example.com/kit v0.0.0

replace example.com/kit => ../kit
