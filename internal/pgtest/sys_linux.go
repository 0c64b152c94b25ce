package pgtest

import "syscall"

// setPdeathsig makes the postmaster get SIGQUIT (immediate shutdown)
// when the test binary dies, say on a test timeout's panic.
func setPdeathsig(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGQUIT }
