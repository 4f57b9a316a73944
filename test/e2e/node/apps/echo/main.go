// echo: the app the e2e pods run. It answers
//
//	/healthz   200 "ok" (the claim's readiness and liveness probes point here)
//	/env       the environment it received and the user it runs as, as JSON
//	/call?url= a GET of another address (an app's Service name), status and body as JSON
//
// The e2e test creates fake secrets, so /env prints values as they are.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/env", func(w http.ResponseWriter, _ *http.Request) {
		env := map[string]string{}
		for _, kv := range os.Environ() {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
		hostname, _ := os.Hostname()
		writeJSON(w, http.StatusOK, map[string]any{"env": env, "uid": os.Getuid(), "gid": os.Getgid(), "groups": groups(), "hostname": hostname})
	})
	client := &http.Client{Timeout: 10 * time.Second}
	mux.HandleFunc("/call", func(w http.ResponseWriter, r *http.Request) {
		target := r.URL.Query().Get("url")
		res, err := client.Get(target)
		if err != nil {
			writeJSON(w, http.StatusBadGateway, map[string]any{"url": target, "error": err.Error()})
			return
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
		writeJSON(w, http.StatusOK, map[string]any{"url": target, "status": res.StatusCode, "body": string(body)})
	})
	server := &http.Server{Addr: ":" + port, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stderr, "echo: listening on :%s as uid %d\n", port, os.Getuid())
	if err := server.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func groups() []int {
	g, _ := os.Getgroups()
	sort.Ints(g)
	return g
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("content-type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
