// Stub of github.com/prometheus/client_golang/prometheus (signatures mirror v1.20; bodies are placeholders).
package prometheus

// Metric is a single sample.
type Metric interface {
	Desc() *Desc
}

// Desc describes a metric.
type Desc struct{}

// NewDesc makes a Desc.
func NewDesc(fqName, help string, variableLabels []string, constLabels Labels) *Desc {
	panic("stub")
}

// Labels are constant labels.
type Labels map[string]string

// ValueType is a metric's kind.
type ValueType int

const GaugeValue ValueType = 2

// MustNewConstMetric makes a constant metric.
func MustNewConstMetric(desc *Desc, valueType ValueType, value float64, labelValues ...string) Metric {
	panic("stub")
}

// Collector is what a Registry gathers.
type Collector interface {
	Describe(chan<- *Desc)
	Collect(chan<- Metric)
}

// Registerer registers collectors.
type Registerer interface {
	Register(Collector) error
	MustRegister(...Collector)
}

// Gatherer gathers metrics.
type Gatherer interface{}

// Registry is a Registerer and Gatherer.
type Registry struct{}

func NewRegistry() *Registry                     { panic("stub") }
func (r *Registry) Register(c Collector) error   { panic("stub") }
func (r *Registry) MustRegister(cs ...Collector) { panic("stub") }

// MustRegister registers with the default registry.
func MustRegister(cs ...Collector) { panic("stub") }

// Register registers with the default registry.
func Register(c Collector) error { panic("stub") }

// DescribeByCollect describes by collecting.
func DescribeByCollect(c Collector, descs chan<- *Desc) { panic("stub") }
