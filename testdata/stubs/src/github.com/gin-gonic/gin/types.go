// Stub of github.com/gin-gonic/gin (signatures mirror v1.12.0; bodies are placeholders).

package gin

import "net/http"

// ResponseWriter ...
type ResponseWriter interface {
	http.ResponseWriter
	http.Hijacker
	http.Flusher
	http.CloseNotifier

	Status() int

	Size() int

	WriteString(string) (int, error)

	Written() bool

	WriteHeaderNow()

	Pusher() http.Pusher
}

// H is a shortcut for map[string]any
type H map[string]any

// Param is a single URL parameter, consisting of a key and a value.
type Param struct {
	Key   string
	Value string
}

// Params is a Param-slice, as returned by the router.
type Params []Param

func (ps Params) Get(name string) (string, bool) { panic("stub") }

func (ps Params) ByName(name string) (va string) { panic("stub") }

// ErrorType is an unsigned 64-bit error code as defined in the gin spec.
type ErrorType uint64

// Error represents a error's specification.
type Error struct {
	Err  error
	Type ErrorType
	Meta any
}

type errorMsgs []*Error

func (msg Error) Error() string { panic("stub") }

// Mode constants.
const (
	DebugMode   = "debug"
	ReleaseMode = "release"
	TestMode    = "test"
)

func SetMode(value string) { panic("stub") }
