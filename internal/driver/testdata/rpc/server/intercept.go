package server

import (
	"context"
	"database/sql"

	"connectrpc.com/connect"
	"google.golang.org/grpc"
)

// Auth is the gRPC server's interceptor: it looks the caller's session
// up around every procedure.
func Auth(db *sql.DB) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		db.QueryRowContext(ctx, "SELECT user_id FROM sessions WHERE token = $1", "t")
		return handler(ctx, req)
	}
}

// Tenant is the connect handlers' interceptor: it resolves the tenant.
type Tenant struct{ DB *sql.DB }

func (t *Tenant) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		t.DB.QueryRowContext(ctx, "SELECT id FROM tenants WHERE host = $1", "h")
		return next(ctx, req)
	}
}

func (t *Tenant) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (t *Tenant) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}

// ClientAuth signs the calls this program makes to a peer: no route of
// its own runs it.
func ClientAuth(db *sql.DB) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker any, opts ...grpc.CallOption) error {
		db.QueryRowContext(ctx, "SELECT secret FROM peers WHERE name = $1", "p")
		return nil
	}
}

// Keys looks API keys up.
type Keys struct{ DB *sql.DB }

func (k *Keys) Check(ctx context.Context, key string) error {
	return k.DB.QueryRowContext(ctx, "SELECT account_id FROM api_keys WHERE key_value = $1", key).Err()
}

// keyAuth is an interceptor built as the interface its constructor
// returns, running the check it was handed around unary procedures and
// streams alike.
type keyAuth struct {
	check func(context.Context, string) error
}

func NewKeyAuth(check func(context.Context, string) error) connect.Interceptor {
	return &keyAuth{check: check}
}

func (a *keyAuth) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if err := a.check(ctx, req.Header()["Key"][0]); err != nil {
			return nil, err
		}
		return next(ctx, req)
	}
}

func (a *keyAuth) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (a *keyAuth) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn any) error {
		if err := a.check(ctx, "k"); err != nil {
			return err
		}
		return next(ctx, conn)
	}
}

// Metered counts what it wraps: a client's interceptor here, or one no
// option takes.
type Metered struct{ DB *sql.DB }

func NewMetered(db *sql.DB) connect.Interceptor { return &Metered{DB: db} }

func (m *Metered) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		m.DB.ExecContext(ctx, "UPDATE usage SET calls = calls + 1")
		return next(ctx, req)
	}
}

func (m *Metered) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (m *Metered) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}
