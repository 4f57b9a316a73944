// pause: the pod sandbox's process (containerd's sandbox_image), like Kubernetes' own pause
// image: it holds the pod's namespaces open and does nothing until it is told to stop. Ours,
// because no public registry is reachable here.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
}
