module example.com/adaptmw

go 1.22

require example.net/errwrap v0.0.0

// A library outside the module adapting handlers that return an error
// to net/http, wrapping them in middlewares at registration.
replace example.net/errwrap => ./_stubs/errwrap
