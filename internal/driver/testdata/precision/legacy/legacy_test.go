package legacy

import "testing"

func TestCheck(t *testing.T) { check(nil, nil, nil) }
