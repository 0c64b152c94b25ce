module example.com/outsidevals

go 1.22
