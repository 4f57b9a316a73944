// The programs the e2e node runs in its pods, standard library only: envapp (the test app the
// loop's claims deploy) and pause (the pod sandbox's process). ../images.ts builds them.
module infraforge.test/node-apps

go 1.22
