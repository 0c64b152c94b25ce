//go:build !unix

package driver

import "time"

// usage is unknown here (see memtrace_unix.go).
func usage(who int) (cpu time.Duration, maxRSS uint64, ok bool) { return 0, 0, false }

const (
	self     = 0
	children = -1
)
