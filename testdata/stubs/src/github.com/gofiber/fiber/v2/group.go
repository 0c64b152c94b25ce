// Stub of github.com/gofiber/fiber/v2 (signatures mirror v2.52.15; bodies are placeholders).

package fiber

type Group struct {
	app    *App
	parent *Group
	name   string

	Prefix string
}

func (grp *Group) Use(args ...interface{}) Router { panic("stub") }

func (grp *Group) Get(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Head(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Post(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Put(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Delete(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Connect(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Options(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Trace(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Patch(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Add(method, path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Static(prefix, root string, config ...Static) Router { panic("stub") }

func (grp *Group) All(path string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Group(prefix string, handlers ...Handler) Router { panic("stub") }

func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router { panic("stub") }

func (grp *Group) Mount(prefix string, subApp *App) Router { panic("stub") }

func (grp *Group) Name(name string) Router { panic("stub") }
