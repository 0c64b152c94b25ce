// Package mysql stands for the MySQL driver.
package mysql
