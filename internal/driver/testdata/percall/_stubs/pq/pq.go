// Package pq stands for the PostgreSQL driver.
package pq
