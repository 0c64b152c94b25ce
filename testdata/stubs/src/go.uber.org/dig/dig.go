// Stub of go.uber.org/dig (signatures mirror v1.18.0; bodies are placeholders).

package dig

type Option interface{}

type ProvideOption interface{}

type InvokeOption interface{}

type DecorateOption interface{}

type Container struct{}

func New(opts ...Option) *Container { panic("stub") }

func (c *Container) Provide(constructor interface{}, opts ...ProvideOption) error { panic("stub") }

func (c *Container) Invoke(function interface{}, opts ...InvokeOption) error { panic("stub") }

func (c *Container) Decorate(decorator interface{}, opts ...DecorateOption) error { panic("stub") }

func (c *Container) Scope(name string, opts ...Option) *Scope { panic("stub") }

type Scope struct{}

func (s *Scope) Provide(constructor interface{}, opts ...ProvideOption) error { panic("stub") }

func (s *Scope) Invoke(function interface{}, opts ...InvokeOption) error { panic("stub") }

func (s *Scope) Decorate(decorator interface{}, opts ...DecorateOption) error { panic("stub") }

// In, embedded, makes a struct a parameter object.
type In struct{}

// Out, embedded, makes a struct a result object.
type Out struct{}
