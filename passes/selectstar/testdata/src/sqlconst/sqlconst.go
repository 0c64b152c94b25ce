// Package sqlconst holds SQL used by package a.
package sqlconst

// AllOrders is a star in another package: reported at the call in a.
const AllOrders = "SELECT * FROM orders"
