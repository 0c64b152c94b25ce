module example.com/tasks

go 1.22

require github.com/hibiken/asynq v0.26.0

// asynq's API from a stub, so that the test needs no network.
replace github.com/hibiken/asynq => ./_stubs/asynq
