package livedb

import (
	"reflect"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		dsn, want string
		secrets   []string
	}{
		{"postgres://app:s3cr%40t@db.internal:5432/shop?sslmode=verify-full",
			"postgres://app:xxxxx@db.internal:5432/shop?sslmode=verify-full", []string{"s3cr@t", "s3cr%40t"}},
		{"postgresql://app@db/shop?password=hunter2&sslpassword=keypass&sslmode=require",
			"postgresql://app@db/shop?password=xxxxx&sslmode=require&sslpassword=xxxxx", []string{"hunter2", "keypass"}},
		{"postgres://app@/shop?host=/var/run/postgresql", "postgres://app@/shop?host=/var/run/postgresql", nil},
		{`host=db user=app password='it\'s \\ quoted and spaced' dbname=shop`,
			"host=db user=app password=xxxxx dbname=shop", []string{`it's \ quoted and spaced`}},
		{"host=db password = bare sslpassword=k2 dbname=shop", "host=db password = xxxxx sslpassword=xxxxx dbname=shop", []string{"bare", "k2"}},
		{"host=db dbname=shop", "host=db dbname=shop", nil},
		// Not a DSN pgx can parse, still masked from the first sign of a
		// password on.
		{"postgres://app:p@ss:word@db:port/shop", "postgres://xxxxx@db:port/shop", nil},
		{"host=db password", "host=db xxxxx", nil},
	}
	for _, tt := range tests {
		got, sec := redact(tt.dsn)
		if got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
		if tt.secrets != nil && !reflect.DeepEqual(sec, tt.secrets) {
			t.Errorf("secrets(%q) = %q, want %q", tt.dsn, sec, tt.secrets)
		}
		for _, p := range sec {
			if strings.Contains(got, p) {
				t.Errorf("Redact(%q) = %q still holds %q", tt.dsn, got, p)
			}
		}
	}
}

func TestApprox(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 40: "40", 4236.7: "4,237", 48000: "48,000", 999999: "999,999",
		1.2e6: "1.2M", 3e6: "3M", 1.26e9: "1.3B", -1: "an unknown number of",
	} {
		if got := approx(v); got != want {
			t.Errorf("approx(%v) = %q, want %q", v, got, want)
		}
	}
}

// A plan as PostgreSQL 15 gives it (EXPLAIN (FORMAT JSON, VERBOSE), cut
// to the fields read): a sort over a bitmap scan of orders whose
// condition is served by an index, with another table's scan in a
// subplan.
const bitmapPlan = `[{"Plan": {"Node Type": "Sort", "Startup Cost": 42.25, "Total Cost": 42.28, "Plan Rows": 10,
  "Plans": [{"Node Type": "Bitmap Heap Scan", "Relation Name": "orders", "Schema": "public", "Total Cost": 42.08, "Plan Rows": 10,
    "Plans": [{"Node Type": "BitmapOr", "Plans": [
      {"Node Type": "Bitmap Index Scan", "Index Name": "<13556>btree_orders_customer_id", "Plan Rows": 10},
      {"Node Type": "Bitmap Index Scan", "Index Name": "orders_pkey", "Plan Rows": 1}]},
      {"Node Type": "Index Scan", "Relation Name": "customers", "Index Name": "customers_pkey"}]}]}}]`

func TestPlanModel(t *testing.T) {
	root, err := parsePlan([]byte(bitmapPlan))
	if err != nil {
		t.Fatal(err)
	}
	if root.TotalCost != 42.28 {
		t.Errorf("root cost %v", root.TotalCost)
	}
	scan := root.scanOf(&table{schema: "public", name: "orders", relations: []string{"orders"}})
	if scan == nil || scan.String() != "Bitmap Heap Scan on orders" {
		t.Fatalf("scan of orders: %v", scan)
	}
	if got := scan.indexes(); !reflect.DeepEqual(got, []string{"<13556>btree_orders_customer_id", "orders_pkey"}) {
		t.Errorf("indexes %q: want the bitmap's two, not customers'", got)
	}
	if got := matched(scan); got != 10 {
		t.Errorf("matched %v, want 10", got)
	}
	if root.scanOf(&table{schema: "billing", name: "orders", relations: []string{"orders"}}) != nil {
		t.Error("orders of another schema matched")
	}
	for _, bad := range []string{`{}`, `[]`, `[{"Plan": null}]`, `not json`} {
		if _, err := parsePlan([]byte(bad)); err == nil {
			t.Errorf("parsePlan(%s): no error", bad)
		}
	}
}
