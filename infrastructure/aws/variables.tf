variable "environment" {
  description = <<-EOT
    The environment this cluster runs: its Argo CD deploys rendered/<environment>. One Argo CD
    serves one environment because Application names are <claim>-<app> (the contract), which
    would clash between two environments that share a claim name.
  EOT
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$", var.environment))
    error_message = "environment must be a short DNS label matching a folder under deployments/."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_cidr" {
  description = "CIDR of the cluster VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper, not zone-redundant)."
  type        = bool
  default     = true
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.31"
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["t3.medium"]
}

variable "node_capacity_type" {
  description = "ON_DEMAND or SPOT."
  type        = string
  default     = "ON_DEMAND"
}

variable "node_min_size" {
  type    = number
  default = 2
}

variable "node_desired_size" {
  type    = number
  default = 2
}

variable "node_max_size" {
  type    = number
  default = 4
}

variable "gitops_repo_url" {
  description = "https URL of the repository holding rendered/ (the one this action runs in)."
  type        = string
}

variable "gitops_revision" {
  description = "Branch Argo CD tracks."
  type        = string
  default     = "main"
}

variable "chart_registry" {
  description = "OCI registry path of the common chart, without oci:// (e.g. ghcr.io/acme/charts)."
  type        = string
}

variable "chart_registry_username" {
  description = "User for the chart registry (for GHCR: a GitHub user or the org)."
  type        = string
  default     = ""
}

variable "chart_registry_token" {
  description = "Token with read:packages for the chart registry. Pass with TF_VAR_chart_registry_token; never commit it."
  type        = string
  default     = ""
  sensitive   = true
}

variable "argocd_chart_version" {
  description = "argo-cd Helm chart version (argo-helm). Which argo-helm release ships Argo CD v3.6.1 as its appVersion could not be looked up offline when this was pinned; the image tag is pinned by argocd_version instead. Check with `helm search repo argo/argo-cd --versions | grep v3.6.1` and pin that chart."
  type        = string
  default     = "9.1.0"
}

variable "argocd_version" {
  description = "Argo CD release (image tag) the cluster runs: the one the e2e tests prove the rendered ApplicationSets against and whose CRDs test/crds vendors."
  type        = string
  default     = "v3.6.1"
}

variable "addon_versions" {
  description = "Helm chart versions of the add-ons."
  type = object({
    cloudnative_pg               = string
    aws_load_balancer_controller = string
    metrics_server               = string
    cert_manager                 = string
    argocd_apps                  = string
    eck_operator                 = string
    strimzi                      = string
    mongodb_kubernetes           = string
  })
  default = {
    cloudnative_pg               = "0.26.0"
    aws_load_balancer_controller = "1.14.0"
    metrics_server               = "3.13.0"
    cert_manager                 = "v1.19.1"
    argocd_apps                  = "2.0.2"
    eck_operator                 = "3.5.0"
    strimzi                      = "1.2.0"
    mongodb_kubernetes           = "1.10.0"
  }
}

variable "component_operators" {
  description = "Component types whose operators to install even before a rendered claim uses them: any of rabbitmq, mongodb, elasticsearch, kafka."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for t in var.component_operators : contains(["rabbitmq", "mongodb", "elasticsearch", "kafka"], t)])
    error_message = "component_operators may list rabbitmq, mongodb, elasticsearch and kafka."
  }
}

variable "tags" {
  description = "Extra tags for every AWS resource."
  type        = map(string)
  default     = {}
}
