package plugin

func Register() { undefinedHelper() }
