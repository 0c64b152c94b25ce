// Stub of go.uber.org/fx (signatures mirror v1.23.0; bodies are placeholders).

package fx

import "context"

type Option interface{}

type App struct{}

func New(opts ...Option) *App { panic("stub") }

func (app *App) Run() { panic("stub") }

func (app *App) Start(ctx context.Context) error { panic("stub") }

func (app *App) Stop(ctx context.Context) error { panic("stub") }

func Provide(constructors ...interface{}) Option { panic("stub") }

func Invoke(funcs ...interface{}) Option { panic("stub") }

type Hook struct {
	OnStart func(context.Context) error
	OnStop  func(context.Context) error
}

type Lifecycle interface {
	Append(Hook)
}

type HookFunc interface {
	~func() | ~func() error | ~func(context.Context) | ~func(context.Context) error
}

func StartHook[T HookFunc](start T) Hook { panic("stub") }

func StopHook[T HookFunc](stop T) Hook { panic("stub") }

func StartStopHook[T1 HookFunc, T2 HookFunc](start T1, stop T2) Hook { panic("stub") }

// In, embedded, makes a struct a parameter object (fx's is an alias of dig.In).
type In struct{}

// Out, embedded, makes a struct a result object (fx's is an alias of dig.Out).
type Out struct{}

type Annotation interface{}

func Annotate(t interface{}, anns ...Annotation) interface{} { panic("stub") }

func ParamTags(tags ...string) Annotation { panic("stub") }

func ResultTags(tags ...string) Annotation { panic("stub") }

func Options(opts ...Option) Option { panic("stub") }

func Module(name string, opts ...Option) Option { panic("stub") }

func Decorate(decorators ...interface{}) Option { panic("stub") }
