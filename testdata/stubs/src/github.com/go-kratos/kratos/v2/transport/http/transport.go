// Stub of github.com/go-kratos/kratos/v2/transport/http (signatures mirror v2.9.2; bodies are placeholders).

package http

import (
	"context"
	"net/http"
)

func SetOperation(ctx context.Context, op string) { panic("stub") }

func RequestFromServerContext(ctx context.Context) (*http.Request, bool) { panic("stub") }
