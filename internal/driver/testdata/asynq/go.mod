module example.com/tasks

go 1.22

require (
	github.com/RichardKnop/machinery v1.9.1
	github.com/hibiken/asynq v0.26.0
)

// asynq's API from a stub, so that the test needs no network.
replace (
	github.com/RichardKnop/machinery => ./_stubs/machinery
	github.com/hibiken/asynq => ./_stubs/asynq
)
