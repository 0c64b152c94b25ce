// Package config holds the configuration start-up reads.
package config

type Config struct {
	Notify struct {
		Enabled []string
	}
}

// C holds the configuration.
var C Config

// Get hands out the configuration, which its callers only read.
func Get() *Config {
	return &C
}
