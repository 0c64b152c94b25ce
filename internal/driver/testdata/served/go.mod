module example.com/served

go 1.22

require example.net/joinlib v0.0.0

// A library outside the module, making a handler from the functions its
// config holds.
replace example.net/joinlib => ./_stubs/joinlib
