//go:build !unix

package pgtest

import (
	"os"
	"syscall"
)

type credential struct{ uid, gid int }

// Without unix signals, a stop kills the server.
var sigFastShutdown = os.Kill

func sysProcAttr(*credential) *syscall.SysProcAttr { return nil }
