// podinfo-standin: stands in for stefanprodan/podinfo, whose image cannot be pulled here (no
// public registry is reachable), so that the real-apps fixture's podinfo claim can run as written.
// It takes podinfo's command line the way podinfo does (pflag style: --name=value or --name value)
// and serves what the claim's probes, ports and metrics expect:
//
//	--port          /healthz, /readyz (the claim's startup, liveness and readiness probes), /args
//	--port-metrics  /metrics (Prometheus text: what the claim's ServiceMonitor scrapes)
//	--grpc-port     a TCP listener (the claim's grpc port; no gRPC is spoken)
//
// /args answers what the process saw: its arguments, the flags as parsed, the flags it does not
// know (accepted and reported, never fatal), its user, working directory, the files it read from
// --config-path and PODINFO_* environment. Like podinfo, it exits non-zero at start when
// --config-path cannot be read, so a config volume the claim wrote that did not arrive fails loudly.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// podinfo 6.9.2's flags, with podinfo's defaults (a "true"/"false" default marks a boolean) (cmd/podinfo/main.go).
var valueFlags = map[string]string{
	"host": "", "port": "9898", "secure-port": "0", "port-metrics": "0", "grpc-port": "0",
	"grpc-service-name": "podinfo", "level": "info", "backend-url": "", "config-path": "",
	"config": "config.yaml", "cert-path": "/data/cert", "data-path": "/data", "ui-path": "./ui",
	"ui-logo": "", "ui-color": "#34577c", "ui-message": "", "cache-server": "",
	"otel-service-name": "", "stress-cpu": "0", "stress-memory": "0", "unready": "false",
	"unhealthy": "false", "h2c": "false", "random-delay": "false", "random-error": "false",
	"random-delay-unit": "s", "random-delay-min": "0", "random-delay-max": "5",
	"http-client-timeout": "2m", "http-server-timeout": "30s", "server-shutdown-timeout": "5s",
}

func main() {
	flags, unknown := parseFlags(os.Args[1:])
	config, err := readConfig(flags["config-path"])
	if err != nil {
		fmt.Fprintf(os.Stderr, "podinfo-standin: --config-path %q: %v\n", flags["config-path"], err)
		os.Exit(1)
	}
	cwd, _ := os.Getwd()
	seen := map[string]any{
		"args": os.Args[1:], "flags": flags, "unknownFlags": unknown, "config": config,
		"uid": os.Getuid(), "gid": os.Getgid(), "cwd": cwd, "executable": os.Args[0], "env": podinfoEnv(),
		// The claim's volumes: --data-path is a scratch emptyDir; the image's own files are read-only.
		"dataWritable": writable(flags["data-path"]), "cwdWritable": writable(cwd),
	}
	// The kubelet's probes (User-Agent kube-probe/…) per path: which probe made the pod Ready.
	var mu sync.Mutex
	probes := map[string]int{}
	status := func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.UserAgent(), "kube-probe/") {
			mu.Lock()
			probes[r.URL.Path]++
			mu.Unlock()
		}
		writeJSON(w, map[string]string{"status": "OK"})
	}

	app := http.NewServeMux()
	app.HandleFunc("/healthz", status)
	app.HandleFunc("/readyz", status)
	app.HandleFunc("/args", func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		seen["probes"] = probes
		writeJSON(w, seen)
	})
	metrics := http.NewServeMux()
	metrics.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("content-type", "text/plain; version=0.0.4")
		fmt.Fprintln(w, "# TYPE podinfo_standin_up gauge")
		fmt.Fprintln(w, "podinfo_standin_up 1")
	})

	errs := make(chan error, 3)
	serve := func(port string, handler http.Handler) {
		server := &http.Server{Addr: ":" + port, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
		errs <- server.ListenAndServe()
	}
	go serve(flags["port"], app)
	if flags["port-metrics"] != "0" {
		go serve(flags["port-metrics"], metrics)
	}
	if flags["grpc-port"] != "0" {
		go func() {
			l, err := net.Listen("tcp", ":"+flags["grpc-port"])
			if err != nil {
				errs <- err
				return
			}
			for {
				c, err := l.Accept()
				if err != nil {
					errs <- err
					return
				}
				c.Close()
			}
		}()
	}
	fmt.Fprintf(os.Stderr, "podinfo-standin: http :%s, metrics :%s, grpc :%s, uid %d, unknown flags %v\n", flags["port"], flags["port-metrics"], flags["grpc-port"], os.Getuid(), unknown)
	fmt.Fprintln(os.Stderr, <-errs)
	os.Exit(1)
}

// parseFlags reads --name=value, --name value and -name forms; a flag podinfo does not have is
// kept in unknown rather than refused, so the test sees it instead of a crash loop.
func parseFlags(args []string) (map[string]string, []string) {
	flags := map[string]string{}
	for k, v := range valueFlags {
		flags[k] = v
	}
	unknown := []string{}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") {
			unknown = append(unknown, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if _, known := valueFlags[name]; !known {
			unknown = append(unknown, arg)
			continue
		}
		isBool := valueFlags[name] == "true" || valueFlags[name] == "false"
		if !hasValue && !isBool && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			i++
			value, hasValue = args[i], true
		}
		if !hasValue {
			value = "true" // a boolean flag such as --unready
		}
		flags[name] = value
	}
	return flags, unknown
}

// readConfig reads every regular file in dir (podinfo's viper reads <dir>/<--config> from it); an
// empty dir means no --config-path was given.
func readConfig(dir string) (map[string]string, error) {
	out := map[string]string{}
	if dir == "" {
		return out, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue // a ConfigMap volume's ..data symlinks
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = string(data)
	}
	return out, nil
}

// writable says whether a file can be created in dir: "ok" or the error.
func writable(dir string) string {
	f, err := os.CreateTemp(dir, ".standin-")
	if err != nil {
		return err.Error()
	}
	f.Close()
	os.Remove(f.Name())
	return "ok"
}

func podinfoEnv() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "PODINFO_") || strings.HasSuffix(k, "REDIS_URL") {
			env[k] = v
		}
	}
	return env
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("content-type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
