// The test apps the e2e node runs, built with the machine's Go (CGO off, static) and packed into
// OCI images by ../images.ts. Standard library only: nothing to download.
module infraforge.test/node-apps

go 1.24
