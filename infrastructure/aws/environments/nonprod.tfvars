# The non-production cluster: dev and staging share it.
cluster_name        = "nonprod"
environments        = ["dev", "staging"]
region              = "eu-west-1"
vpc_cidr            = "10.40.0.0/16"
single_nat_gateway  = true
node_instance_types = ["t3.medium"]
node_capacity_type  = "SPOT"
node_min_size       = 2
node_desired_size   = 2
node_max_size       = 4
gitops_repo_url     = "https://github.com/infraforge/infraforge-render.git"
chart_registry      = "ghcr.io/infraforge/charts"
