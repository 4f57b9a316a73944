// Package engine renders a chart the way `helm template` does, with Helm's own packages: the same
// action.Install settings as helm.sh/helm/v3/cmd/helm/template.go, and the same output assembly
// (manifests, then hooks as "---\n# Source: ...", NOTES left out), so the bytes agree.
package engine

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chartutil"
)

// Request is one unit to template: `helm template <Release> <Chart> --namespace <Namespace>
// --kube-version <KubeVersion> -f <a file holding Values>`.
type Request struct {
	Chart       string `json:"chart"`
	Release     string `json:"release"`
	Namespace   string `json:"namespace"`
	Values      string `json:"values"`
	KubeVersion string `json:"kubeVersion"`
}

// Template returns what `helm template` prints on stdout, or the error it prints after "Error: ".
func Template(charts *Charts, req Request) (string, error) {
	chrt, err := charts.Fresh(req.Chart)
	if err != nil {
		return "", err
	}
	// `-f file` parses with the same YAML reader (sigs.k8s.io/yaml) into a map; merging one file
	// into the empty map of cli/values.Options.MergeValues leaves it as parsed.
	vals, err := chartutil.ReadValues([]byte(req.Values))
	if err != nil {
		return "", fmt.Errorf("failed to parse values: %w", err)
	}

	client := action.NewInstall(&action.Configuration{Log: func(string, ...interface{}) {}})
	if req.KubeVersion != "" {
		kube, err := chartutil.ParseKubeVersion(req.KubeVersion)
		if err != nil {
			return "", fmt.Errorf("invalid kube version '%s': %s", req.KubeVersion, err)
		}
		client.KubeVersion = kube
	}
	// As template.go sets them.
	client.DryRunOption = "true"
	client.DryRun = true
	client.Replace = true
	client.ClientOnly = true
	client.APIVersions = chartutil.VersionSet(nil)
	client.IncludeCRDs = false
	client.ReleaseName = req.Release
	client.Namespace = req.Namespace

	rel, err := client.RunWithContext(context.Background(), chrt, vals)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	fmt.Fprintln(&out, strings.TrimSpace(rel.Manifest))
	for _, h := range rel.Hooks {
		fmt.Fprintf(&out, "---\n# Source: %s\n%s\n", h.Path, h.Manifest)
	}
	return out.String(), nil
}
