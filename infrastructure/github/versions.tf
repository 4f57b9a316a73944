# Works with Terraform >= 1.10 and OpenTofu >= 1.10. Applied once per repository by someone who
# administers it (a token with repository Administration: write), not by the render workflows.
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    github = {
      source  = "integrations/github"
      version = "~> 6.6"
    }
  }
}

provider "github" {
  owner = var.owner
}
