// helm-engine templates many units with one process: JSON lines in, JSON lines out.
//
//	in:  {"id":1,"chart":"/abs/charts/common","release":"c-api","namespace":"default","values":"<YAML>","kubeVersion":"1.31.0"}
//	out: {"id":1,"manifest":"---\n# Source: ..."}   or   {"id":1,"error":"execution error at ..."}
//
// Requests run in parallel (one worker per CPU); answers come as they finish, each carrying its
// request's id. `helm-engine --version` prints the Helm module it was built with.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"infraforge.local/helm-engine/engine"
)

type request struct {
	ID int64 `json:"id"`
	engine.Request
}

type response struct {
	ID       int64  `json:"id"`
	Manifest string `json:"manifest,omitempty"`
	Error    string `json:"error,omitempty"`
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(helmVersion())
		return
	}
	if len(os.Args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: helm-engine [--version]  (requests as JSON lines on stdin; see README.md)")
		os.Exit(2)
	}
	if err := serve(os.Stdin, os.Stdout, runtime.GOMAXPROCS(0)); err != nil {
		fmt.Fprintln(os.Stderr, "helm-engine:", err)
		os.Exit(1)
	}
}

func serve(in io.Reader, out io.Writer, workers int) error {
	charts := engine.NewCharts()
	requests := make(chan request)
	w := bufio.NewWriter(out)
	var mu sync.Mutex
	var writeErr error
	answer := func(r response) {
		mu.Lock()
		defer mu.Unlock()
		if writeErr != nil {
			return
		}
		line, _ := json.Marshal(r)
		if _, writeErr = w.Write(append(line, '\n')); writeErr == nil {
			writeErr = w.Flush()
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for req := range requests {
				manifest, err := engine.Template(charts, req.Request)
				if err != nil {
					// helm prints "Error: " and the message; its trailing newline is not part of it.
					answer(response{ID: req.ID, Error: strings.TrimRight(err.Error(), "\n")})
				} else {
					answer(response{ID: req.ID, Manifest: manifest})
				}
			}
		}()
	}
	dec := json.NewDecoder(bufio.NewReaderSize(in, 1<<20))
	var readErr error
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if err != io.EOF {
				readErr = fmt.Errorf("reading a request: %w", err)
			}
			break
		}
		requests <- req
	}
	close(requests)
	wg.Wait()
	if readErr != nil {
		return readErr
	}
	return writeErr
}

func helmVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "helm.sh/helm/v3" {
				return m.Path + " " + m.Version
			}
		}
	}
	return "helm.sh/helm/v3 (unknown version)"
}
