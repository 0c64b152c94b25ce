package traffic

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
)

// accessLog is an access log reduced to request counts per distinct
// method and path (query strings dropped), plus the time span. Counting
// distinct paths first and matching them to routes afterwards (Resolve)
// lets a profile be read before the routes are known, and matches each
// path once however often it was requested.
type accessLog struct {
	hits        map[string]int64 // "METHOD /path" -> requests
	invalid     int64            // well-formed lines whose request is not "METHOD target"
	first, last time.Time
}

// clfTime is the time layout of the common and combined log formats.
const clfTime = "02/Jan/2006:15:04:05 -0700"

// maxLine bounds one log line; longer lines are malformed. Real request
// lines are capped far lower by the servers themselves.
const maxLine = 64 << 10

// readAccessLog reads an nginx or Apache access log in the common or
// combined format (anything after the status and size is ignored, so
// nginx's extra fields are fine). A log is a record of the world, not a
// hand-written file: a truncated last line or a stray error-log line is
// skipped and counted, and only a file that is mostly not an access log
// is an error.
func (p *Profile) readAccessLog(br *bufio.Reader) *Error {
	log := &accessLog{hits: make(map[string]int64)}
	var good, bad int64
	var firstBad *Error
	var key []byte
	var lp lineParser
	for lineNo := 1; ; lineNo++ {
		line, err := readLine(br)
		if err == io.EOF && line == nil {
			break
		}
		if err != nil && err != io.EOF && err != errLongLine {
			return &Error{Line: lineNo, Err: err}
		}
		if err != errLongLine && len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				break
			}
			continue // blank lines separate nothing in a log
		}
		var e error = errLongLine
		var method, target []byte
		var ts time.Time
		if err != errLongLine {
			method, target, ts, e = lp.parse(line)
		}
		switch {
		case e == errBadRequest:
			log.invalid++
		case e != nil:
			bad++
			if firstBad == nil {
				firstBad = &Error{Line: lineNo, Err: e}
			}
			continue
		default:
			key = append(append(append(key[:0], method...), ' '), stripQuery(target)...)
			if n, ok := log.hits[string(key)]; ok {
				log.hits[string(key)] = n + 1 // no allocation: the common case
			} else {
				log.hits[string(key)] = 1
			}
		}
		good++
		if log.first.IsZero() || ts.Before(log.first) {
			log.first = ts
		}
		if ts.After(log.last) {
			log.last = ts
		}
		if err == io.EOF {
			break
		}
	}
	if bad > good {
		return firstBad // mostly not an access log: say where it first went wrong
	}
	if bad > 0 {
		p.warnf("skipped %d malformed lines (first at line %d: %v)", bad, firstBad.Line, firstBad.Err)
	}
	if log.invalid > 0 {
		p.warnf("%d requests were not \"METHOD path\" (probes, TLS on a plain port) and match no route", log.invalid)
	}
	p.log = log
	return nil
}

var (
	errLongLine   = fmt.Errorf("line longer than %d KiB", maxLine>>10)
	errBadRequest = errors.New("request is not \"METHOD target\"")
)

// readLine returns the next line without its end; a line that does not
// fit the reader's buffer is consumed and reported as errLongLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		for err == bufio.ErrBufferFull {
			_, err = br.ReadSlice('\n') // skip the rest of the line
		}
		return []byte{}, errLongLine
	}
	if len(line) == 0 && err == io.EOF {
		return nil, io.EOF
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), err
}

// lineParser reads access-log lines. It keeps a scratch buffer and the
// last timestamp: a busy log repeats each second's stamp hundreds of times,
// and time.Parse is the costliest step of a line.
type lineParser struct {
	scratch   []byte
	lastStamp []byte
	lastTime  time.Time
}

// parse reads one line of the form
//
//	host ident user [10/Oct/2000:13:55:36 -0700] "GET /path HTTP/1.1" 200 2326 "referer" "agent"
//
// The user field may hold spaces, so the timestamp is found by its
// bracket rather than by counting fields. method and target alias line or
// the parser's scratch buffer: they are valid until the next call.
func (lp *lineParser) parse(line []byte) (method, target []byte, ts time.Time, err error) {
	open := bytes.IndexByte(line, '[')
	switch {
	case open < 0:
		return nil, nil, ts, errors.New("no [timestamp]")
	case open == 0:
		return nil, nil, ts, errors.New("no client address before the [timestamp]")
	}
	shut := bytes.IndexByte(line[open:], ']')
	if shut < 0 {
		return nil, nil, ts, errors.New("no [timestamp]")
	}
	stamp := line[open+1 : open+shut]
	if ts, err = lp.time(stamp); err != nil {
		return nil, nil, ts, err
	}
	rest := line[open+shut+1:]
	if !bytes.HasPrefix(rest, []byte(` "`)) {
		return nil, nil, ts, errors.New(`no "request" after the timestamp`)
	}
	req, rest, ok := lp.quoted(rest[2:])
	if !ok {
		return nil, nil, ts, errors.New("unterminated \"request\"")
	}
	if !statusFollows(rest) {
		return nil, nil, ts, errors.New("no status code after the request")
	}
	method, target, ok = splitRequest(req)
	if !ok {
		return nil, nil, ts, errBadRequest
	}
	return method, target, ts, nil
}

func (lp *lineParser) time(stamp []byte) (time.Time, error) {
	if lp.lastStamp != nil && bytes.Equal(stamp, lp.lastStamp) {
		return lp.lastTime, nil
	}
	ts, err := time.Parse(clfTime, string(stamp))
	if err != nil {
		return ts, fmt.Errorf("timestamp %q is not like 10/Oct/2000:13:55:36 -0700", stamp)
	}
	lp.lastStamp, lp.lastTime = append(lp.lastStamp[:0], stamp...), ts
	return ts, nil
}

// quoted returns the text up to the closing quote, undoing Apache's \"
// and \\ escapes (nginx writes \x22 instead, which needs no care).
func (lp *lineParser) quoted(b []byte) (text, rest []byte, ok bool) {
	end := bytes.IndexAny(b, `"\`)
	if end >= 0 && b[end] == '"' {
		return b[:end], b[end+1:], true // no escapes: the common case
	}
	lp.scratch = lp.scratch[:0]
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			return lp.scratch, b[i+1:], true
		case '\\':
			if i+1 < len(b) {
				i++
			}
		}
		lp.scratch = append(lp.scratch, b[i])
	}
	return nil, nil, false
}

// statusFollows checks for " 200", which tells an access log from other
// text that happens to hold a bracket and a quote.
func statusFollows(rest []byte) bool {
	if len(rest) < 4 || rest[0] != ' ' {
		return false
	}
	for _, c := range rest[1:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(rest) == 4 || rest[4] == ' '
}

// splitRequest reads "GET /path HTTP/1.1" (or HTTP/0.9's "GET /path").
func splitRequest(req []byte) (method, target []byte, ok bool) {
	method, rest, ok := bytes.Cut(req, []byte(" "))
	if !ok || len(method) == 0 {
		return nil, nil, false
	}
	target, proto, _ := bytes.Cut(rest, []byte(" "))
	if len(target) == 0 || bytes.IndexByte(proto, ' ') >= 0 {
		return nil, nil, false
	}
	for _, c := range method {
		if (c < 'A' || c > 'Z') && c != '-' && c != '_' {
			return nil, nil, false // lower-case or binary: a probe, not a method
		}
	}
	if target[0] != '/' && !bytes.HasPrefix(target, []byte("http://")) && !bytes.HasPrefix(target, []byte("https://")) {
		return nil, nil, false // "*" (OPTIONS), "host:443" (CONNECT)
	}
	return method, target, true
}

func stripQuery(target []byte) []byte {
	if i := bytes.IndexAny(target, "?#"); i >= 0 {
		return target[:i]
	}
	return target
}

// isAccessLine tells whether a line is an access-log line, for sniffing.
func isAccessLine(line string) bool {
	var lp lineParser
	_, _, _, err := lp.parse([]byte(line))
	return err == nil || err == errBadRequest
}
