package traffic

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// Options tune how profiles are read. The zero value suits most files.
type Options struct {
	// Prometheus: the metric to read ("" picks the likeliest request
	// counter), the labels naming the route (default DefaultRouteLabels,
	// first present wins) and the method (default DefaultMethodLabels).
	Metric      string
	RouteLabels []string
	MethodLabel string

	// Window is how long the Prometheus counters have been counting (the
	// process's uptime, or the range of an increase() export). Zero makes
	// the profile Relative.
	Window time.Duration

	// Routes, when set, resolves an access log's requests at once (see
	// Profile.Resolve); otherwise the caller resolves them later.
	Routes *httppattern.Matcher

	// Name is the file's name in messages and Profile.Name, when it
	// should not be the path Load opens (a path relative to the module).
	Name string
}

// emptyProfile is the one warning an empty profile gets, whatever its
// format: no routes, no statements, and so no traffic to rank by.
const emptyProfile = "the profile is empty: findings are ranked without traffic"

// sniffSize is how much of a file the sniffer sees; it is also the line
// buffer of the access-log reader.
const sniffSize = maxLine

// Load reads the traffic profile at path. format is a name ParseFormat
// accepts; "" sniffs it from the content. A malformed file is an *Error
// naming the file and line; an empty one is an empty Profile with a
// warning.
func Load(path, format string, opt Options) (*Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("traffic profile: %w", err)
	}
	defer f.Close()
	name := path
	if opt.Name != "" {
		name = opt.Name
	}
	return Parse(f, name, format, opt)
}

// LoadAccessLog reads an access log from r and attributes its requests to
// the routes of m; name is the file name used in messages.
func LoadAccessLog(r io.Reader, name string, m *httppattern.Matcher) (*Profile, error) {
	return Parse(r, name, string(FormatAccessLog), Options{Routes: m})
}

// Parse reads a profile from r, as Load does; name is the file name used
// in messages and as an extension hint.
func Parse(r io.Reader, name, format string, opt Options) (p *Profile, err error) {
	f, err := ParseFormat(format)
	if err != nil {
		return nil, err
	}
	// A profile is user input, read by third-party parsers too: whatever
	// is wrong with it must end as an error, never as a crash of the run.
	defer func() {
		if x := recover(); x != nil {
			p, err = nil, &Error{File: name, Err: fmt.Errorf("internal error reading the profile: %v", x)}
		}
	}()
	return parse(r, name, f, opt)
}

// parse is Parse without the recover, so that fuzzing sees panics.
func parse(r io.Reader, name string, f Format, opt Options) (*Profile, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM)) // Excel and PowerShell write one
		head = head[len(utf8BOM):]
	}
	if len(head) < sniffSize && len(bytes.TrimSpace(head)) == 0 {
		// Nothing at all (a profile not exported yet, a failed export):
		// empty in every format, rather than a JSON syntax error for one
		// and a warning for another.
		p := &Profile{Name: name, Format: f}
		p.warnf(emptyProfile)
		p.nLoadWarn = len(p.Warnings)
		return p, nil
	}
	if f == FormatAuto {
		var ok bool
		if f, ok = sniff(head, name); !ok {
			return nil, &Error{File: name, Line: 1, Err: errors.New("cannot tell the profile's format (JSON, YAML, CSV, Prometheus text, access log or pg_stat_statements); name it with -traffic-format")}
		}
	}
	p := &Profile{Name: name, Format: f}
	var e *Error
	switch f {
	case FormatJSON, FormatYAML, FormatPGSS:
		e = p.readStructured(br, head, f)
	case FormatCSV:
		e = p.fromCSV(br, false)
	case FormatPrometheus:
		e = p.fromPrometheus(br, opt)
	case FormatAccessLog:
		e = p.readAccessLog(br)
	}
	if e != nil {
		e.File = name
		return nil, e
	}
	if p.Empty() && (p.log == nil || len(p.log.hits) == 0 && p.log.invalid == 0) {
		p.warnf(emptyProfile)
	}
	p.nLoadWarn = len(p.Warnings)
	if p.log != nil && opt.Routes != nil {
		p.Resolve(opt.Routes)
	}
	return p, nil
}

// readStructured reads JSON, YAML, or a pg_stat_statements export, which
// is JSON or CSV.
func (p *Profile) readStructured(br *bufio.Reader, head []byte, f Format) *Error {
	first := firstLine(head)
	if f == FormatPGSS && first != "" && first[0] != '[' && first[0] != '{' {
		return p.fromCSV(br, true)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return &Error{Err: err}
	}
	var t *tree
	var e *Error
	if f == FormatYAML {
		var warns []string
		t, warns, e = yamlTree(data)
		for _, w := range warns {
			p.warnf("%s", w)
		}
	} else {
		t, e = jsonTree(data)
	}
	if e != nil {
		return e
	}
	return p.fromTree(t, f == FormatPGSS)
}
