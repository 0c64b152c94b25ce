module example.com/extfail

go 1.22

require (
	example.net/kvdb v0.1.0
	example.net/pushsvc v0.1.0
)

// A push service's client, outside the module, with no database.
replace example.net/pushsvc => ./third_party/pushsvc

// A key-value store's client, outside the module, on database/sql.
replace example.net/kvdb => ./third_party/kvdb
