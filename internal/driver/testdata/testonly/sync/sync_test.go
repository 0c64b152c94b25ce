package sync

import "testing"

func TestSync(t *testing.T) { run(nil) }
