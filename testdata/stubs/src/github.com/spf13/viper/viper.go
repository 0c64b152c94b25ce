// Stub of github.com/spf13/viper (signatures mirror v1.19.0; bodies are placeholders).

package viper

type Viper struct{}

func New() *Viper { panic("stub") }

func GetString(key string) string { panic("stub") }

func GetInt(key string) int { panic("stub") }

func GetStringSlice(key string) []string { panic("stub") }

func GetStringMap(key string) map[string]any { panic("stub") }

func (v *Viper) GetString(key string) string { panic("stub") }

func (v *Viper) GetStringSlice(key string) []string { panic("stub") }

func (v *Viper) GetStringMapString(key string) map[string]string { panic("stub") }

func (v *Viper) ReadInConfig() error { panic("stub") }
