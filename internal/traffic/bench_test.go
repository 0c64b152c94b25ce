package traffic

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// BenchmarkAccessLog reads and resolves a 100k-line combined log against
// 200 routes: the cost a user pays for -traffic access.log.
func BenchmarkAccessLog(b *testing.B) {
	var routes []string
	for i := range 50 {
		r := fmt.Sprintf("/api/v1/res%d", i)
		routes = append(routes, "GET "+r, "POST "+r, "GET "+r+"/{id}", "GET "+r+"/{id}/items/{item}")
	}
	m := httppattern.NewMatcher(routes...)
	log := syntheticLog(100_000)
	b.SetBytes(int64(len(log)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := LoadAccessLog(bytes.NewReader(log), "access.log", m)
		if err != nil || len(p.Routes) == 0 {
			b.Fatal(err, len(p.Routes))
		}
	}
}

func syntheticLog(n int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	start := time.Date(2024, 3, 12, 10, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	for i := range n {
		var target string
		switch rng.IntN(10) {
		case 0:
			target = fmt.Sprintf("/api/v1/res%d?page=%d", rng.IntN(50), rng.IntN(20))
		case 1, 2:
			target = fmt.Sprintf("/api/v1/res%d/%d/items/%d", rng.IntN(50), rng.IntN(1000), rng.IntN(10))
		case 3:
			target = "/favicon.ico"
		default:
			target = fmt.Sprintf("/api/v1/res%d/%d", rng.IntN(50), rng.IntN(100000))
		}
		ts := start.Add(time.Duration(i) * 36 * time.Millisecond).Format(clfTime)
		fmt.Fprintf(&buf, "10.0.%d.%d - - [%s] \"GET %s HTTP/1.1\" 200 %d \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n",
			rng.IntN(256), rng.IntN(256), ts, target, rng.IntN(10000))
	}
	return buf.Bytes()
}
