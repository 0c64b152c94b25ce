package driver

import (
	"io"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/benchgen"
)

// BenchmarkStandalone runs the standalone command over a generated
// service, load to report: what one run allocates, and the highest live
// heap after a collection (peak-live-MiB), which sets the peak of the
// heap (about twice it, under GOGC=100) and so the peak memory the
// performance budget bounds. Loading asks go list for export data, so
// the first round also fills the build cache.
func BenchmarkStandalone(b *testing.B) {
	const n = 200
	m, err := benchgen.Generate(benchgen.Config{Packages: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := m.Write(dir); err != nil {
		b.Fatal(err)
	}
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(s)
				if live := s[0].Value.Uint64(); live > peak.Load() {
					peak.Store(live)
				}
			}
		}
	}()
	defer close(done)
	b.ReportAllocs()
	for b.Loop() {
		if code := run([]string{"-C", dir, "-format", "json", "./..."}, io.Discard, io.Discard, analyzer.Analyzers()); code > ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-live-MiB")
}
