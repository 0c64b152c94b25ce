package orders

import "testing"

func TestOwners(t *testing.T) { Owners(t.Context(), nil, nil) }
