# Works with Terraform >= 1.10 and OpenTofu >= 1.10 (S3 state locking with use_lockfile).
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "~> 2.17"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.35"
    }
  }

  # Remote state: fill in with -backend-config=environments/<env>.s3.tfbackend (see README).
  backend "s3" {}
}
