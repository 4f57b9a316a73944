provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# Helm and Kubernetes talk to the cluster this configuration creates, with a short-lived token.
provider "helm" {
  kubernetes {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
    }
  }
}

provider "kubernetes" {
  host                   = module.eks.cluster_endpoint
  cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
  }
}

locals {
  name = "infraforge-${var.environment}"
  tags = merge(var.tags, {
    "platform.infraforge.io/environment" = var.environment
    "platform.infraforge.io/managed"     = "terraform"
  })
}
