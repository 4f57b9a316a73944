variable "owner" {
  description = "The GitHub organization or user that owns the platform repository."
  type        = string
}

variable "repository" {
  description = "The platform repository's name (the one holding deployments/ and rendered/)."
  type        = string
}

variable "required_approvals" {
  description = "Approving reviews a pull request needs, a code owner's among them."
  type        = number
  default     = 1
}

variable "required_checks" {
  description = <<-EOT
    Status checks that must pass before a merge: the job names of .github/workflows/ci.yml
    (test: the tests, the dist/ check, the CODEOWNERS check) and pr.yml (diff: claims
    validated, base and head rendered). Both workflows run on every pull request.
  EOT
  type        = list(string)
  default     = ["test", "diff"]
}

variable "github_actions_app_id" {
  description = <<-EOT
    The GitHub Actions app, allowed to push to the default branch without a pull request: the
    render workflow commits rendered/ there with GITHUB_TOKEN. 15368 on github.com.
  EOT
  type        = number
  default     = 15368
}
