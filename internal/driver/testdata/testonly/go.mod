module example.com/testonly

go 1.22

require example.com/feed v0.0.0

// A dependency with an event handler interface, kept under testdata/ (not the user's code)
// so that the test needs no network.
replace example.com/feed => ./testdata/feed
