package auth

import (
	"net/http"

	"example.com/structh/store"
)

type AuthService struct{ st *store.Store }

func New(st *store.Store) *AuthService { return &AuthService{st: st} }

type oauthResp struct{ code int }

type oauthHandler struct {
	H   func(*AuthService, http.ResponseWriter, *http.Request) *oauthResp
	svc *AuthService
}

func (h oauthHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if resp := h.H(h.svc, w, r); resp != nil {
		w.WriteHeader(resp.code)
	}
}

func (svc *AuthService) RegisterCallbackHandler() http.Handler {
	return oauthHandler{callbackHandler, svc}
}

func (svc *AuthService) RegisterLoginHandler() http.Handler {
	return oauthHandler{loginHandler, svc}
}

// Wrapped sets the field from its parameter: which function it holds is
// its caller's.
func (svc *AuthService) Wrapped(h func(*AuthService, http.ResponseWriter, *http.Request) *oauthResp) http.Handler {
	return oauthHandler{H: h, svc: svc}
}

func callbackHandler(svc *AuthService, w http.ResponseWriter, r *http.Request) *oauthResp {
	if err := svc.st.SaveUser(r.Context(), r.FormValue("email")); err != nil {
		return &oauthResp{code: 500}
	}
	return nil
}

func loginHandler(svc *AuthService, w http.ResponseWriter, r *http.Request) *oauthResp {
	if err := svc.st.Org(r.Context(), r.FormValue("org")); err != nil {
		return &oauthResp{code: 404}
	}
	return nil
}

func RevokeHandler(svc *AuthService, w http.ResponseWriter, r *http.Request) *oauthResp {
	if err := svc.st.Revoke(r.Context()); err != nil {
		return &oauthResp{code: 500}
	}
	return nil
}

// tokenHandler serves with a pointer receiver; its factory sets a method
// value.
type tokenHandler struct {
	run func(w http.ResponseWriter, r *http.Request) error
}

func (h *tokenHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h.run(w, r); err != nil {
		w.WriteHeader(500)
	}
}

func (svc *AuthService) listTokens(w http.ResponseWriter, r *http.Request) error {
	return svc.st.Tokens(r.Context())
}

func (svc *AuthService) Tokens() *tokenHandler {
	return &tokenHandler{run: svc.listTokens}
}

// plain serves with the ServeHTTP of the handler it embeds, never its
// field.
type plain struct {
	http.Handler
	run func(*AuthService, http.ResponseWriter, *http.Request) *oauthResp
}

func (plain) Run() {}

func purgeHandler(svc *AuthService, w http.ResponseWriter, r *http.Request) *oauthResp {
	if err := svc.st.Purge(r.Context()); err != nil {
		return &oauthResp{code: 500}
	}
	return nil
}

func (svc *AuthService) Plain() http.Handler {
	return plain{Handler: http.NotFoundHandler(), run: purgeHandler}
}
