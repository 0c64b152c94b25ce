//go:build unix

package testenv

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time, user and system, the process has used so far.
// Benchmarks report it per operation beside ns/op: on a machine shared
// with other work, wall time moves with everyone's load, CPU time much
// less.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
