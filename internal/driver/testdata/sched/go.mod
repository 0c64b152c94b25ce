module example.com/sched

go 1.22

require (
	example.net/forkcron v0.1.0
	example.net/txkit v0.1.0
	github.com/go-co-op/gocron v1.37.0
	github.com/go-co-op/gocron/v2 v2.16.0
	github.com/pocketbase/pocketbase v0.30.0
	github.com/robfig/cron/v3 v3.0.1
)

// The schedulers' API from stubs, so that the test needs no network.
replace (
	example.net/forkcron => ./_stubs/forkcron
	example.net/txkit => ./_stubs/txkit
	github.com/go-co-op/gocron => ./_stubs/gocron
	github.com/go-co-op/gocron/v2 => ./_stubs/gocronv2
	github.com/pocketbase/pocketbase => ./_stubs/pocketbase
	github.com/robfig/cron/v3 => ./_stubs/cron
)
