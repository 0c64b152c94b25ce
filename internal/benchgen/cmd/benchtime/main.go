// Command benchtime runs a command and writes its wall time, peak resident
// memory, user and system CPU time as GNU time's -f '%e %M %U %S' would
// (seconds, KiB, seconds, seconds).
// scripts/bench.sh uses it where /usr/bin/time is not GNU time.
//
//	benchtime -o file command [args...]
//
// The numbers are the child's rusage from wait4, which counts the child
// and every descendant it waited for: CPU times are their sums, and peak
// memory (ru_maxrss) on Linux the largest of them: for go vet, the largest
// of the go command, the compilers and the vet tools.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "write the measurement to `file` (default stderr)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchtime [-o file] command [args...]")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "benchtime:", err)
		os.Exit(127)
	}
	var kib int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kib = int64(ru.Maxrss)
		if runtime.GOOS == "darwin" {
			kib /= 1024 // bytes there
		}
	}
	line := fmt.Sprintf("%.2f %d %.2f %.2f\n", wall.Seconds(), kib,
		cmd.ProcessState.UserTime().Seconds(), cmd.ProcessState.SystemTime().Seconds())
	if code != 0 {
		line = fmt.Sprintf("Command exited with non-zero status %d\n", code) + line
	}
	if *out == "" {
		fmt.Fprint(os.Stderr, line)
	} else if err := os.WriteFile(*out, []byte(line), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchtime:", err)
	}
	os.Exit(code)
}
