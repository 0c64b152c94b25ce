// Package gcmd is a stub of GoFrame's command-line commands
// (github.com/gogf/gf/v2/os/gcmd): the calls sqlheat reads, with their
// real signatures.
package gcmd

import "context"

// Parser holds the command line's arguments and options.
type Parser struct{}

func (p *Parser) GetOptAll() map[string]string { return nil }

// Function is a command's code.
type Function func(ctx context.Context, parser *Parser) (err error)

// Command is a command, and its subcommands.
type Command struct {
	Name        string
	Usage       string
	Brief       string
	Description string
	Func        Function
}

func (c *Command) AddCommand(commands ...*Command) error { return nil }
func (c *Command) Run(ctx context.Context)               {}
