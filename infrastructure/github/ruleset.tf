# Branch protection as a repository ruleset: the default branch changes only through a pull
# request that a code owner approved (.github/CODEOWNERS, written by `infraforge codeowners`:
# each claim file to its team, everything else to the platform) and whose checks passed.
# Without "require review from Code Owners", CODEOWNERS only requests reviews; with it, a team
# cannot merge a change to another team's claim, to deployments/settings.yaml or to rendered/.
resource "github_repository_ruleset" "default_branch" {
  name        = "infraforge: code owners review every change"
  repository  = var.repository
  target      = "branch"
  enforcement = "active"

  conditions {
    ref_name {
      include = ["~DEFAULT_BRANCH"]
      exclude = []
    }
  }

  # The render job pushes rendered/ to the default branch (render.yml); nothing else may.
  bypass_actors {
    actor_id    = var.github_actions_app_id
    actor_type  = "Integration"
    bypass_mode = "always"
  }

  rules {
    deletion         = true
    non_fast_forward = true

    pull_request {
      require_code_owner_review         = true
      required_approving_review_count   = var.required_approvals
      dismiss_stale_reviews_on_push     = true
      require_last_push_approval        = true
      required_review_thread_resolution = false
    }

    required_status_checks {
      strict_required_status_checks_policy = true

      dynamic "required_check" {
        for_each = var.required_checks
        content {
          context = required_check.value
        }
      }
    }
  }
}
