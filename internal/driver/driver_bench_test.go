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
// service, load to report: what one run allocates, the highest live heap
// after a collection (peak-live-MiB), and the largest the heap grew
// (peak-heap-MiB: objects live and not yet collected), which the
// collector's target bounds (about twice the live heap under GOGC=100,
// (100+gcPercent)% of it once the packages are loaded) and which is most
// of the peak memory the performance budget bounds. Loading asks go list
// for export data, so the first round also fills the build cache.
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
	var peak, heap atomic.Uint64
	done := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
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
				if h := s[1].Value.Uint64(); h > heap.Load() {
					heap.Store(h)
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
	b.ReportMetric(float64(heap.Load())/(1<<20), "peak-heap-MiB")
}
