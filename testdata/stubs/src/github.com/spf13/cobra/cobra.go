// Stub of github.com/spf13/cobra (the fields and methods sqlheat's tests
// use; bodies are placeholders).
package cobra

type Command struct {
	Use   string
	Short string
	Args  func(cmd *Command, args []string) error

	PreRun  func(cmd *Command, args []string)
	PreRunE func(cmd *Command, args []string) error
	Run     func(cmd *Command, args []string)
	RunE    func(cmd *Command, args []string) error
}

func (c *Command) AddCommand(cmds ...*Command) { panic("stub") }
func (c *Command) Execute() error              { panic("stub") }

func OnInitialize(y ...func()) { panic("stub") }
