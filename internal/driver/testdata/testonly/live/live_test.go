package live

import "testing"

func TestRun(t *testing.T) { start(nil) }
