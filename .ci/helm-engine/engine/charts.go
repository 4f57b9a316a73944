package engine

import (
	"fmt"
	"path/filepath"
	"sync"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
)

// Charts reads each chart directory once (with loader.Load, as `helm template` does: .helmignore,
// symlink rules) and keeps its files. Every request gets its own chart built from those bytes,
// because an install mutates the chart it renders (dependency processing), and requests run in
// parallel.
type Charts struct {
	mu    sync.Mutex
	files map[string]loaded
}

type loaded struct {
	raw []*loader.BufferedFile
	err error
}

func NewCharts() *Charts { return &Charts{files: map[string]loaded{}} }

// Fresh is the chart in dir, as a new object nobody else holds.
func (c *Charts) Fresh(dir string) (*chart.Chart, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	l, ok := c.files[abs]
	if !ok {
		l = load(abs)
		c.files[abs] = l
	}
	c.mu.Unlock()
	if l.err != nil {
		return nil, l.err
	}
	return loader.LoadFiles(l.raw)
}

func load(dir string) loaded {
	chrt, err := loader.Load(dir)
	if err != nil {
		return loaded{err: err}
	}
	// What cmd/helm/install.go's runInstall checks before it installs.
	if err := installable(chrt); err != nil {
		return loaded{err: err}
	}
	// Raw holds every file LoadFiles was given, subcharts' included, under their chart paths.
	raw := make([]*loader.BufferedFile, len(chrt.Raw))
	for i, f := range chrt.Raw {
		raw[i] = &loader.BufferedFile{Name: f.Name, Data: f.Data}
	}
	return loaded{raw: raw}
}

func installable(c *chart.Chart) error {
	switch c.Metadata.Type {
	case "", "application":
	default:
		return fmt.Errorf("%s charts are not installable", c.Metadata.Type)
	}
	if req := c.Metadata.Dependencies; req != nil {
		if err := action.CheckDependencies(c, req); err != nil {
			return fmt.Errorf("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: %w", err)
		}
	}
	return nil
}
