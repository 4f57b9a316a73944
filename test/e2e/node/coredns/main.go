// coredns is CoreDNS v1.15.0 with only the plugins the e2e node's cluster DNS needs: bind,
// errors, health and kubernetes (Service names → ClusterIPs, read from the API server). This is
// CoreDNS's documented way to build a trimmed server: set the directive list, import those
// plugins, run coremain. Its own module: adding CoreDNS to ../../control-plane/go would move
// dependencies Argo CD v3.6.1 pins (AWS and Google SDKs, etcd client) to newer versions.
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
)

func init() {
	// The order plugins run in, as CoreDNS's plugin.cfg has them.
	dnsserver.Directives = []string{"bind", "health", "errors", "kubernetes"}
}

func main() {
	coremain.Run()
}
