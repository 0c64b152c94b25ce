package web

type LinkNamespace func(*Namespace)

type Namespace struct {
	prefix string
}

func NewNamespace(prefix string, params ...LinkNamespace) *Namespace { panic("stub") }

func (n *Namespace) Router(rootpath string, c ControllerInterface, mappingMethods ...string) *Namespace {
	panic("stub")
}

func AddNamespace(nl ...*Namespace) { panic("stub") }

func NSInclude(cList ...ControllerInterface) LinkNamespace { panic("stub") }

func NSRouter(rootpath string, c ControllerInterface, mappingMethods ...string) LinkNamespace {
	panic("stub")
}

func NSNamespace(prefix string, params ...LinkNamespace) LinkNamespace { panic("stub") }

func (n *Namespace) Namespace(ns ...*Namespace) *Namespace { panic("stub") }

func NSBefore(filterList ...FilterFunc) LinkNamespace { panic("stub") }

func NSAfter(filterList ...FilterFunc) LinkNamespace { panic("stub") }
