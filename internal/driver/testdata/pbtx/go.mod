module example.com/pbtx

go 1.22

require github.com/pocketbase/pocketbase v0.30.0

// pocketbase's API from a stub, so that the test needs no network.
replace github.com/pocketbase/pocketbase => ./_stubs/pocketbase
