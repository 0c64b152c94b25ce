// Package domain validates what it accepts: some lists it caps at a few
// items, some at a page, some it only trims.
package domain

import (
	"errors"
	"fmt"
)

type Variation struct{ TemplateID string }

type TestSettings struct {
	Enabled    bool
	Variations []Variation // at most 8, by Validate
	Recipients []string    // at most 500: a page, not a few
	Tags       []string    // trimmed, not turned down
	Labels     []string    // at most 3, by a check that returns no error
}

type Broadcast struct {
	ID           string
	TestSettings TestSettings
}

var errTooMany = errors.New("too many")

func (b *Broadcast) Validate() error {
	if b.TestSettings.Enabled {
		if len(b.TestSettings.Variations) < 2 || len(b.TestSettings.Variations) > 8 {
			return fmt.Errorf("2 to 8 variations, not %d", len(b.TestSettings.Variations))
		}
	}
	if len(b.TestSettings.Recipients) > 500 {
		return errTooMany
	}
	if len(b.TestSettings.Tags) > 5 {
		b.TestSettings.Tags = b.TestSettings.Tags[:5]
	}
	return nil
}

// Preview shows the first labels only; it turns nothing down.
func (b *Broadcast) Preview() []string {
	if len(b.TestSettings.Labels) > 3 {
		return nil
	}
	return b.TestSettings.Labels
}
