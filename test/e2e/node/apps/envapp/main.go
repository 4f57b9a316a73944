// envapp is the app the e2e loop deploys: it listens on every port in PORT (comma-separated;
// default 3000 and 8080, the ports the example claims use), answers every path with 200 (so
// whatever health path a claim names works), counts the requests the kubelet's probes make per path, and tells
// on GET /env what it received: user and group IDs, the environment, and what the app named by
// PEER_URL answered over its Service name. The test asserts on that, from outside the pod.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/user"
	"strconv"
	"strings"
	"sync"
	"time"
)

type report struct {
	UID      int               `json:"uid"`
	GID      int               `json:"gid"`
	User     string            `json:"user"`
	Hostname string            `json:"hostname"`
	Env      map[string]string `json:"env"`
	Probes   map[string]int    `json:"probes"`
	Peer     *peerAnswer       `json:"peer,omitempty"`
}

type peerAnswer struct {
	URL    string `json:"url"`
	Status int    `json:"status,omitempty"`
	Body   string `json:"body,omitempty"`
	Error  string `json:"error,omitempty"`
}

var (
	mu     sync.Mutex
	probes = map[string]int{}
)

func main() {
	ports := os.Getenv("PORT")
	if ports == "" {
		ports = "3000,8080"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/env", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, whatIReceived()) })
	mux.HandleFunc("/whoami", func(w http.ResponseWriter, r *http.Request) {
		host, _ := os.Hostname()
		fmt.Fprintf(w, "%s", host)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.UserAgent(), "kube-probe/") {
			mu.Lock()
			probes[r.URL.Path]++
			mu.Unlock()
		}
		fmt.Fprintln(w, "ok")
	})
	failed := make(chan error)
	for _, port := range strings.Split(ports, ",") {
		server := &http.Server{Addr: ":" + strings.TrimSpace(port), Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() { failed <- server.ListenAndServe() }()
	}
	fmt.Fprintln(os.Stderr, <-failed)
	os.Exit(1)
}

func whatIReceived() report {
	host, _ := os.Hostname()
	out := report{UID: os.Getuid(), GID: os.Getgid(), Hostname: host, Env: map[string]string{}, Probes: map[string]int{}}
	if u, err := user.LookupId(strconv.Itoa(out.UID)); err == nil {
		out.User = u.Username
	}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			out.Env[k] = v
		}
	}
	mu.Lock()
	for k, v := range probes {
		out.Probes[k] = v
	}
	mu.Unlock()
	if peer := os.Getenv("PEER_URL"); peer != "" {
		out.Peer = ask(peer)
	}
	return out
}

func ask(url string) *peerAnswer {
	answer := &peerAnswer{URL: url}
	client := http.Client{Timeout: 5 * time.Second}
	res, err := client.Get(url)
	if err != nil {
		answer.Error = err.Error()
		return answer
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	answer.Status = res.StatusCode
	answer.Body = string(body)
	return answer
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
