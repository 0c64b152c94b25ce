package sqlparse

import "testing"

func TestSlotOf(t *testing.T) {
	const w = "sqlheat_item"
	for _, tc := range []struct {
		text string
		want Slot
	}{
		// Names: each piece is another statement.
		{"DELETE FROM sqlheat_item WHERE tenant_id = $1", SlotName},
		{"SELECT count(*) FROM public.sqlheat_item", SlotName},
		{"SELECT count(*) FROM sqlheat_item.events", SlotName},
		{"SELECT count(*) FROM events_sqlheat_item WHERE id = $1", SlotName},
		{`SELECT count(*) FROM "sqlheat_item"`, SlotName},
		{"SELECT count(*) FROM `sqlheat_item` WHERE id = ?", SlotName},
		{"INSERT INTO sqlheat_item SELECT * FROM events WHERE tenant_id = $1", SlotName},
		{"INSERT INTO t (sqlheat_item) VALUES ($1)", SlotName},
		{"UPDATE t SET sqlheat_item = $1 WHERE id = $2", SlotName},
		{"SELECT u.sqlheat_item FROM users u", SlotName},
		{"SELECT sqlheat_item($1)", SlotName},
		{"SELECT $1::sqlheat_item", SlotName},
		{"SELECT a AS sqlheat_item FROM t", SlotName},
		{"SELECT * FROM t WHERE a = $1 AND sqlheat_item_id = $2", SlotName},
		{"SELECT * FROM sqlheat_item WHERE id = sqlheat_item", SlotName}, // a name once is enough
		// A bare column where the place wants one.
		{"SELECT sqlheat_item FROM t", SlotColumn},
		{"SELECT id FROM t ORDER BY sqlheat_item", SlotColumn},
		{"SELECT count(*) FROM t GROUP BY sqlheat_item", SlotColumn},
		{"SELECT id FROM t WHERE sqlheat_item IS NULL", SlotColumn},
		{"SELECT id FROM t WHERE sqlheat_item = $1", SlotColumn},
		{"SELECT id FROM t WHERE $1 = sqlheat_item", SlotColumn},
		{"SELECT id FROM t WHERE sqlheat_item > now() - interval '1 day'", SlotColumn},
		{"UPDATE t SET a = 1 WHERE id = $1 RETURNING sqlheat_item", SlotColumn},
		// Values: each piece is the same statement.
		{"SELECT id FROM t WHERE id = sqlheat_item", SlotValue},
		{"SELECT id FROM t WHERE id IN (sqlheat_item)", SlotValue},
		{"SELECT id FROM t WHERE name = 'sqlheat_item'", SlotValue},
		{"SELECT id FROM t WHERE name LIKE 'sqlheat_item%'", SlotValue},
		{"SELECT id FROM t LIMIT sqlheat_item", SlotValue},
		{"UPDATE t SET a = sqlheat_item WHERE id = $1", SlotValue},
		{"INSERT INTO t (a) VALUES (sqlheat_item)", SlotValue},
		{"SELECT lower(sqlheat_item)", SlotValue},
		// Neither.
		{"SELECT id FROM t -- sqlheat_item", SlotNone},
		{"SELECT id FROM $1", SlotNone},
		{"SELECT id FROM t WHERE id = $sqlheat_item", SlotNone},
	} {
		if got := SlotOf(tc.text, w); got != tc.want {
			t.Errorf("SlotOf(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
