// Package sqlite is a stub of the database driver: a program that imports it
// talks to its database.
package sqlite
