package ormmodel

import (
	"strings"
	"testing"
)

// The names gorm's NamingStrategy and bun's Underscore give; a name
// spelled differently is a table the schema does not know.
func TestNames(t *testing.T) {
	t.Parallel()
	gorm := map[string]string{
		"":                          "",
		"X":                         "x",
		"userRestrictions":          "user_restrictions",
		"ThisIsATest":               "this_is_a_test",
		"PFAndESI":                  "pf_and_esi",
		"EmployeeID":                "employee_id",
		"SKU_ID":                    "sku_id",
		"HTTPServerHandlerForURLID": "http_server_handler_for_url_id",
		"UUID":                      "uuid",
		"HTTPURL":                   "http_url",
		"SHA256Hash":                "sha256_hash",
		"OIDCID":                    "o_id_c_id", // why models tag it column:oidc_id
	}
	for in, want := range gorm {
		if got := GormName(in); got != want {
			t.Errorf("GormName(%q) = %q, want %q", in, got, want)
		}
	}
	bun := map[string]string{"UserID": "user_id", "HTTPURL": "httpurl", "GridRow": "grid_row", "ID": "id"}
	for in, want := range bun {
		if got := BunName(in); got != want {
			t.Errorf("BunName(%q) = %q, want %q", in, got, want)
		}
	}
	tables := map[string]string{"OrderItem": "order_items", "Person": "people", "PluginConf": "plugin_confs", "Status": "statuses"}
	for in, want := range tables {
		if got := GormTable(in); got != want {
			t.Errorf("GormTable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTags(t *testing.T) {
	t.Parallel()
	// `uniqueIndex,size:64` is one setting to gorm, named
	// "UNIQUEINDEX,SIZE": it declares no index at all.
	s := gormTags("uniqueIndex,size:64")
	if _, ok := s["UNIQUEINDEX"]; ok || s["UNIQUEINDEX,SIZE"] != "64" {
		t.Errorf("gormTags: %v", s)
	}
	s = gormTags("column:oidc_id;type:text;uniqueIndex:uix_users_oidc_id,length:512")
	if s["COLUMN"] != "oidc_id" || s["UNIQUEINDEX"] != "uix_users_oidc_id,length:512" {
		t.Errorf("gormTags: %v", s)
	}
	b := bunTag("grid_rows,alias:r")
	if b.name != "grid_rows" || b.opts["alias"][0] != "r" {
		t.Errorf("bunTag: %+v", b)
	}
	b = bunTag(",rel:has-many,join:'id=user_id,org=org'")
	if j, _ := b.opt("join"); j != "id=user_id,org=org" {
		t.Errorf("bunTag join: %+v", b)
	}
}

func TestXorm(t *testing.T) {
	t.Parallel()
	// xorm's SnakeMapper splits before every capital, initialisms too.
	for in, want := range map[string]string{"UserRole": "user_role", "UserID": "user_i_d", "Id": "id"} {
		if got := XormName(in); got != want {
			t.Errorf("XormName(%q) = %q, want %q", in, got, want)
		}
	}
	// Words split at spaces outside quotes and parentheses.
	got := xormSplit("not null default '' DECIMAL(10, 2) 'my col' UNIQUE(a b)")
	want := []string{"not", "null", "default", "''", "DECIMAL(10, 2)", "'my col'", "UNIQUE(a b)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("xormSplit = %q, want %q", got, want)
	}
}
