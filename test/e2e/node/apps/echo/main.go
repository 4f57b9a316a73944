// echo: the app the e2e pods run. It answers
//
//	/healthz   200 "ok" (the claim's readiness and liveness probes point here), and so does
//	           $HEALTH_PATH when the image sets it (a stand-in for an app whose check is elsewhere)
//	/env       the environment it received, the user it runs as, and how many kubelet probe
//	           requests (User-Agent kube-probe/…) each path got, as JSON
//	/call?url= a GET of another address (an app's Service name), status and body as JSON
//	/redis     PING and INFO server to the Redis at $REDIS_URL (or ?url=), over RESP, as JSON
//
// `echo migrate [seconds]` is a one-shot job instead: it prints what it saw and exits 0 after
// the given time (default 3 s), so a test can order it against the pods of the same sync.
//
// The e2e test creates fake secrets, so /env prints values as they are.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		migrate(os.Args[2:])
		return
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	var mu sync.Mutex
	probes := map[string]int{}
	health := func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.UserAgent(), "kube-probe/") {
			mu.Lock()
			probes[r.URL.Path]++
			mu.Unlock()
		}
		fmt.Fprintln(w, "ok")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	if p := os.Getenv("HEALTH_PATH"); p != "" && p != "/healthz" {
		mux.HandleFunc(p, health)
	}
	mux.HandleFunc("/env", func(w http.ResponseWriter, _ *http.Request) {
		hostname, _ := os.Hostname()
		mu.Lock()
		counted := map[string]int{}
		for k, v := range probes {
			counted[k] = v
		}
		mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"env": environ(), "uid": os.Getuid(), "gid": os.Getgid(), "groups": groups(), "hostname": hostname, "probes": counted})
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
	mux.HandleFunc("/redis", func(w http.ResponseWriter, r *http.Request) {
		target := r.URL.Query().Get("url")
		if target == "" {
			target = os.Getenv("REDIS_URL")
		}
		pong, version, err := redisPing(target)
		if err != nil {
			writeJSON(w, http.StatusBadGateway, map[string]any{"url": target, "error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"url": target, "ping": pong, "redisVersion": version})
	})
	server := &http.Server{Addr: ":" + port, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stderr, "echo: listening on :%s as uid %d\n", port, os.Getuid())
	if err := server.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func migrate(args []string) {
	seconds := 3
	if len(args) > 0 {
		if n, err := strconv.Atoi(args[0]); err == nil {
			seconds = n
		}
	}
	out, _ := json.Marshal(map[string]any{"job": "migrate", "uid": os.Getuid(), "env": environ()})
	fmt.Println(string(out))
	time.Sleep(time.Duration(seconds) * time.Second)
	fmt.Println("migrate: done")
}

// redisPing sends PING and INFO server to redis://host:port (no auth) and returns the reply to
// PING and the server's redis_version.
func redisPing(raw string) (string, string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "redis" || u.Host == "" {
		return "", "", fmt.Errorf("not a redis:// URL: %q", raw)
	}
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		return "", "", err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, "*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n"); err != nil {
		return "", "", err
	}
	reader := bufio.NewReader(conn)
	pong, err := reader.ReadString('\n')
	if err != nil {
		return "", "", err
	}
	if !strings.HasPrefix(pong, "+") {
		return "", "", fmt.Errorf("PING: %s", strings.TrimSpace(pong))
	}
	header, err := reader.ReadString('\n')
	if err != nil || !strings.HasPrefix(header, "$") {
		return "", "", fmt.Errorf("INFO: unexpected reply %q (%v)", header, err)
	}
	size, err := strconv.Atoi(strings.TrimSpace(header[1:]))
	if err != nil {
		return "", "", err
	}
	info := make([]byte, size)
	if _, err := io.ReadFull(reader, info); err != nil {
		return "", "", err
	}
	version := ""
	for _, line := range strings.Split(string(info), "\r\n") {
		if v, ok := strings.CutPrefix(line, "redis_version:"); ok {
			version = v
		}
	}
	return strings.TrimSpace(pong), version, nil
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	return env
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
