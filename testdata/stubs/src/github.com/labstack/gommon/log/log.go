// Stub of github.com/labstack/gommon/log (signatures mirror v0.5.0; bodies are placeholders).

package log

type (
	Lvl  uint8
	JSON map[string]interface{}
)

const (
	DEBUG Lvl = iota + 1
	INFO
	WARN
	ERROR
	OFF
)
