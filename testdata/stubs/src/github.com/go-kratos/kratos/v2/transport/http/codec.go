// Stub of github.com/go-kratos/kratos/v2/transport/http (signatures mirror v2.9.2; bodies are placeholders).

package http

import "net/http"

type Request = http.Request

type ResponseWriter = http.ResponseWriter
