//go:build unix

package driver

import (
	"runtime"
	"syscall"
	"time"
)

// usage is what the process (who is syscall.RUSAGE_SELF) or the child
// processes it has waited for (syscall.RUSAGE_CHILDREN: the go command,
// and the compilers it waited for) used: CPU time, and the peak RSS of
// the largest one.
func usage(who int) (cpu time.Duration, maxRSS uint64, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(who, &ru) != nil {
		return 0, 0, false
	}
	cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	maxRSS = uint64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		maxRSS = uint64(ru.Maxrss) // bytes there
	}
	return cpu, maxRSS, true
}

const (
	self     = syscall.RUSAGE_SELF
	children = syscall.RUSAGE_CHILDREN
)
