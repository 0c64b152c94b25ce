// Stub of github.com/doug-martin/goqu/v8 (signatures mirror v8.6.0; bodies are placeholders).

package goqu

import "github.com/doug-martin/goqu/v8/exp"

type Ex = exp.Ex

type Database struct{}

func (d *Database) From(from ...interface{}) *SelectDataset { panic("stub") }

type SelectDataset struct{}

func (sd *SelectDataset) Where(expressions ...exp.Expression) *SelectDataset { panic("stub") }
func (sd *SelectDataset) ScanStructs(i interface{}) error                    { panic("stub") }
