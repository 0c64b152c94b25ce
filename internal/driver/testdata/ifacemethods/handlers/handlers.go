// Package handlers serves the admin API through interfaces its
// constructors return.
package handlers

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

// WebhookHandler serves the webhooks.
type WebhookHandler interface {
	List(c *gin.Context)
	Get(c *gin.Context)
}

type webhookHandler struct{ db *sql.DB }

// NewWebhookHandler is the one implementation.
func NewWebhookHandler(db *sql.DB) WebhookHandler { return &webhookHandler{db: db} }

func (h *webhookHandler) List(c *gin.Context) {
	h.db.QueryContext(c, "SELECT id, url FROM webhooks")
}

func (h *webhookHandler) Get(c *gin.Context) {
	h.db.QueryRowContext(c, "SELECT id, url FROM webhooks WHERE id = $1", c.Param("id"))
}

// EmailHandler serves a user's emails; two types implement it.
type EmailHandler interface {
	List(c *gin.Context)
}

type emailHandler struct{ db *sql.DB }

func (h *emailHandler) List(c *gin.Context) {
	h.db.QueryContext(c, "SELECT address FROM emails WHERE user_id = $1", c.Param("id"))
}

type readOnlyEmails struct{ db *sql.DB }

func (h *readOnlyEmails) List(c *gin.Context) {
	h.db.QueryContext(c, "SELECT address FROM email_archive WHERE user_id = $1", c.Param("id"))
}

// NewEmailHandler picks one.
func NewEmailHandler(db *sql.DB, readOnly bool) EmailHandler {
	if readOnly {
		return &readOnlyEmails{db: db}
	}
	return &emailHandler{db: db}
}

// Status is implemented by no type of the module.
type Status interface {
	Show(c *gin.Context)
}

// Tenant loads the tenant a request names: the middleware of a
// multi-tenant deployment.
func Tenant(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		db.QueryRowContext(c, "SELECT config FROM tenants WHERE id = $1", c.Param("tenant"))
		c.Next()
	}
}

// SingleTenant serves the one tenant of the configuration.
func SingleTenant(name string) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set("tenant", name)
		c.Next()
	}
}
