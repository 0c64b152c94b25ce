package livedb

import (
	"maps"
	"net/url"
	"slices"
	"strings"
)

// mask replaces a password wherever one is removed.
const mask = "xxxxx"

// secretKeys are the connection settings whose values are secrets.
var secretKeys = map[string]bool{"password": true, "sslpassword": true}

// Redact returns dsn with its passwords masked: the password of a URL's
// user information and its password and sslpassword parameters, or the
// password and sslpassword settings of a key=value string. Text it cannot
// make sense of is masked whole from the first sign of a password on.
func Redact(dsn string) string {
	out, _ := redact(dsn)
	return out
}

// secrets returns the passwords dsn holds, for scrubbing them from text
// that did not come from dsn itself (an error of the driver's).
func secrets(dsn string) []string {
	_, s := redact(dsn)
	return s
}

func redact(dsn string) (string, []string) {
	if isURL(dsn) {
		return redactURL(dsn)
	}
	return redactKeywords(dsn)
}

func isURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func redactURL(dsn string) (string, []string) {
	u, err := url.Parse(dsn)
	if err != nil {
		// Unparseable: everything between the scheme and the last @ of
		// the authority may be a password.
		scheme, rest, _ := strings.Cut(dsn, "://")
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = mask + rest[at:]
		}
		if q := strings.Index(rest, "?"); q >= 0 && strings.Contains(strings.ToLower(rest[q:]), "password") {
			rest = rest[:q] + "?" + mask
		}
		return scheme + "://" + rest, nil
	}
	var found []string
	if u.User != nil {
		if p, ok := u.User.Password(); ok {
			found = append(found, p)
			u.User = url.UserPassword(u.User.Username(), mask)
		}
	}
	q := u.Query()
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if secretKeys[strings.ToLower(k)] {
			found = append(found, q[k]...)
			q[k] = []string{mask}
		}
	}
	if len(found) == 0 {
		return dsn, nil // as written, which url.URL would re-escape
	}
	u.RawQuery = q.Encode()
	// Text may carry a password as the DSN spelled it, escaped.
	for _, p := range found {
		for _, esc := range []string{url.PathEscape(p), url.QueryEscape(p)} {
			if esc != p && !slices.Contains(found, esc) {
				found = append(found, esc)
			}
		}
	}
	return u.String(), found
}

// redactKeywords masks the secrets of a libpq key=value string: keys and
// values separated by '=' with optional blanks around it, values in
// single quotes with backslash escapes, or bare up to the next blank.
func redactKeywords(dsn string) (string, []string) {
	var (
		b     strings.Builder
		found []string
	)
	i := 0
	for i < len(dsn) {
		// Blanks between settings.
		j := i
		for j < len(dsn) && isBlank(dsn[j]) {
			j++
		}
		b.WriteString(dsn[i:j])
		i = j
		if i == len(dsn) {
			break
		}
		// The key, up to '='.
		eq := strings.IndexByte(dsn[i:], '=')
		if eq < 0 {
			if strings.Contains(strings.ToLower(dsn[i:]), "password") {
				b.WriteString(mask)
			} else {
				b.WriteString(dsn[i:])
			}
			break
		}
		key := strings.TrimSpace(dsn[i : i+eq])
		b.WriteString(dsn[i : i+eq+1])
		i += eq + 1
		for i < len(dsn) && isBlank(dsn[i]) {
			b.WriteByte(dsn[i])
			i++
		}
		// The value.
		start := i
		var val strings.Builder
		if i < len(dsn) && dsn[i] == '\'' {
			i++
			for i < len(dsn) && dsn[i] != '\'' {
				if dsn[i] == '\\' && i+1 < len(dsn) {
					i++
				}
				val.WriteByte(dsn[i])
				i++
			}
			i = min(i+1, len(dsn)) // the closing quote
		} else {
			for i < len(dsn) && !isBlank(dsn[i]) {
				if dsn[i] == '\\' && i+1 < len(dsn) {
					i++
				}
				val.WriteByte(dsn[i])
				i++
			}
		}
		if secretKeys[strings.ToLower(key)] || strings.Contains(strings.ToLower(key), "password") {
			if val.Len() > 0 {
				found = append(found, val.String())
			}
			b.WriteString(mask)
		} else {
			b.WriteString(dsn[start:i])
		}
	}
	return b.String(), found
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scrubber removes known secrets from text.
type scrubber []string

func (s scrubber) scrub(text string) string {
	for _, p := range s {
		if p != "" {
			text = strings.ReplaceAll(text, p, mask)
		}
	}
	return text
}

// redactedError is an error whose text was scrubbed of secrets; the
// original stays reachable for errors.As (a *pgconn.PgError's code), not
// for printing.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
