//go:build unix

package pgtest

import (
	"os"
	"syscall"
)

// credential is the account the server runs as.
type credential struct{ uid, gid int }

// sigFastShutdown asks the postmaster for a fast shutdown: sessions are
// cut, nothing is flushed that a test could miss.
var sigFastShutdown os.Signal = syscall.SIGINT

// sysProcAttr runs a server program as cred (nil: as ourselves), and, on
// Linux, makes it quit if the test binary dies without stopping it.
func sysProcAttr(cred *credential) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Setpgid: true} // a ^C in the terminal goes to go test, which stops the server itself
	if cred != nil {
		attr.Credential = &syscall.Credential{Uid: uint32(cred.uid), Gid: uint32(cred.gid)}
	}
	setPdeathsig(attr)
	return attr
}
