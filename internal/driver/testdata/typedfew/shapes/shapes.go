// Package shapes sums the areas of shapes read from a table, each
// looking its size up.
package shapes

import "database/sql"

type Shape interface {
	Area() float64
}

type Square struct {
	db *sql.DB
	id int
}

func (s *Square) Area() float64 {
	var side float64
	s.db.QueryRow("SELECT side FROM squares WHERE id = $1", s.id).Scan(&side)
	return side * side
}

type Unit struct{}

func (Unit) Area() float64 { return 1 }

func Total(db *sql.DB) float64 {
	shapes := []Shape{Unit{}}
	rows, _ := db.Query("SELECT id FROM squares")
	for rows.Next() {
		var id int
		rows.Scan(&id)
		shapes = append(shapes, &Square{db: db, id: id})
	}
	total := 0.0
	for _, s := range shapes {
		total += s.Area() // reported: a square per row
	}
	return total
}

// Patched appends a unit per row and writes a square over it in place.
func Patched(db *sql.DB) float64 {
	var shapes []Shape
	rows, _ := db.Query("SELECT id FROM squares")
	for rows.Next() {
		var id int
		rows.Scan(&id)
		shapes = append(shapes, Unit{})
		shapes[len(shapes)-1] = &Square{db: db, id: id}
	}
	total := 0.0
	for _, s := range shapes {
		total += s.Area() // reported: a square per row, written in place
	}
	return total
}
