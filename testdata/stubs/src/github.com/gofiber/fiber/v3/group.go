// Stub of github.com/gofiber/fiber/v3 (signatures mirror v3.5.0; bodies are placeholders).

package fiber

type Group struct {
	app         *App
	parentGroup *Group
	name        string

	Prefix      string
	hasAnyRoute bool
}

func (grp *Group) Use(args ...any) Router { panic("stub") }

func (grp *Group) Get(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Head(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Post(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Put(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Delete(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Connect(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Options(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Trace(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Patch(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Query(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Add(methods []string, path string, handler any, handlers ...any) Router {
	panic("stub")
}

func (grp *Group) All(path string, handler any, handlers ...any) Router { panic("stub") }

func (grp *Group) Group(prefix string, handlers ...any) Router { panic("stub") }

func (grp *Group) Domain(host string) Router { panic("stub") }

func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router { panic("stub") }

func (grp *Group) Name(name string) Router { panic("stub") }
