// Package dbx runs SQL in a transaction, tidying its whitespace for the
// log when debugging.
package dbx

import (
	"context"
	"database/sql"
	"strings"
)

var conn *sql.DB

var Debug bool

var formatter = strings.NewReplacer("\t", "", "\n", " ")

type Trx struct {
	tx  *sql.Tx
	ctx context.Context
}

func BeginTx(ctx context.Context) (*Trx, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &Trx{tx: tx, ctx: ctx}, nil
}

func (trx *Trx) Execute(command string, args ...any) (int64, error) {
	if Debug {
		command = formatter.Replace(command)
	}
	res, err := trx.tx.ExecContext(trx.ctx, command, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (trx *Trx) Get(data any, command string, args ...any) error {
	if Debug {
		command = formatter.Replace(command)
	}
	return trx.tx.QueryRowContext(trx.ctx, command, args...).Scan(data)
}

func (trx *Trx) Select(data any, command string, args ...any) error {
	if Debug {
		command = formatter.Replace(command)
	}
	rows, err := trx.tx.QueryContext(trx.ctx, command, args...)
	if err != nil {
		return err
	}
	return rows.Close()
}
