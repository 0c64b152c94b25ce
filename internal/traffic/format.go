package traffic

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Format names a profile format, as the -traffic-format flag spells it.
type Format string

const (
	FormatAuto       Format = ""           // sniff from the content, the extension as a hint
	FormatJSON       Format = "json"       // map of route to rate, or list of {method, pattern, rate}
	FormatYAML       Format = "yaml"       // the same shapes as JSON
	FormatCSV        Format = "csv"        // method,pattern,rate with a header
	FormatPrometheus Format = "prometheus" // text exposition of a request counter or histogram
	FormatAccessLog  Format = "accesslog"  // nginx/Apache common or combined log
	FormatPGSS       Format = "pg_stat_statements"
)

var formatNames = map[string]Format{
	"":                   FormatAuto,
	"auto":               FormatAuto,
	"json":               FormatJSON,
	"yaml":               FormatYAML,
	"yml":                FormatYAML,
	"csv":                FormatCSV,
	"prometheus":         FormatPrometheus,
	"prom":               FormatPrometheus,
	"accesslog":          FormatAccessLog,
	"access-log":         FormatAccessLog,
	"nginx":              FormatAccessLog,
	"apache":             FormatAccessLog,
	"combined":           FormatAccessLog,
	"pg_stat_statements": FormatPGSS,
	"pgss":               FormatPGSS,
}

// ParseFormat reads a format name, accepting common aliases ("prom",
// "nginx", "pgss"); "" and "auto" mean sniff.
func ParseFormat(s string) (Format, error) {
	f, ok := formatNames[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", fmt.Errorf("unknown traffic profile format %q (want json, yaml, csv, prometheus, accesslog or pg_stat_statements)", s)
	}
	return f, nil
}

var utf8BOM = []byte("\xef\xbb\xbf")

// sniff guesses the format from the first bytes of the file. Content that
// can only be one thing decides first; the extension breaks ties, because
// a profile is often saved under a name that says nothing ("traffic.txt")
// or the wrong thing (an access log rotated to "access.log.1").
func sniff(head []byte, name string) (Format, bool) {
	head = bytes.TrimPrefix(head, utf8BOM)
	ext := extFormat(name)
	first := firstLine(head)
	switch {
	case first == "":
		if ext != FormatAuto {
			return ext, true
		}
		return FormatJSON, true // empty: any format reads it as empty
	case first[0] == '{' || first[0] == '[':
		if ext != FormatAuto {
			// Flow YAML, a UTF-8 quoted metric name, a log line that
			// starts with its timestamp: the name knows better.
			return ext, true
		}
		return FormatJSON, true
	case isAccessLine(first):
		return FormatAccessLog, true
	case hasPromComments(head) || promSample.MatchString(first):
		return FormatPrometheus, true
	case looksCSV(first):
		return FormatCSV, true // routes or pg_stat_statements, by the header
	case ext != FormatAuto:
		return ext, true
	case yamlish(first):
		return FormatYAML, true
	}
	return FormatAuto, false
}

func extFormat(name string) Format {
	base := strings.ToLower(filepath.Base(name))
	for _, suffix := range []string{".gz", ".1", ".0", ".old", ".bak"} {
		base = strings.TrimSuffix(base, suffix) // rotated logs keep their kind
	}
	switch filepath.Ext(base) {
	case ".json":
		return FormatJSON
	case ".yaml", ".yml":
		return FormatYAML
	case ".csv", ".tsv":
		return FormatCSV
	case ".prom", ".metrics":
		return FormatPrometheus
	case ".log":
		return FormatAccessLog
	}
	return FormatAuto
}

// firstLine is the first line that is neither blank nor a "#" comment
// (YAML and Prometheus both have those), trimmed.
func firstLine(head []byte) string {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		s := strings.TrimSpace(string(line))
		if s != "" && s[0] != '#' {
			return s
		}
	}
	return ""
}

func hasPromComments(head []byte) bool {
	return bytes.HasPrefix(head, []byte("# HELP ")) || bytes.HasPrefix(head, []byte("# TYPE ")) ||
		bytes.Contains(head, []byte("\n# HELP ")) || bytes.Contains(head, []byte("\n# TYPE "))
}

// promSample is one exposition sample line: name, optional labels, value,
// optional timestamp.
var promSample = regexp.MustCompile(`^(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?(?:\{.*\})?[ \t]+(?:[-+]?[0-9.eE]+|NaN|[-+]?Inf)(?:[ \t]+-?[0-9]+)?$`)

func looksCSV(first string) bool {
	sep := csvSeparator(first)
	for _, f := range strings.Split(first, string(sep)) {
		switch strings.ToLower(strings.Trim(strings.TrimSpace(f), `"`)) {
		case "rate", "query", "calls":
			return true
		}
	}
	return false
}

func yamlish(first string) bool {
	return strings.HasPrefix(first, "---") || strings.HasPrefix(first, "- ") ||
		strings.HasPrefix(first, "%YAML") || strings.Contains(first, ": ") || strings.HasSuffix(first, ":")
}
