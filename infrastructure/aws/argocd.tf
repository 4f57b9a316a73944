# Argo CD, the credentials it needs to pull the common chart from the OCI registry, and one
# root Application per environment watching rendered/<env>. ChartMuseum is gone: charts live
# in the OCI registry that `infraforge chart publish` pushes to.

resource "helm_release" "argocd" {
  name             = "argocd"
  repository       = "https://argoproj.github.io/argo-helm"
  chart            = "argo-cd"
  version          = var.argocd_chart_version
  namespace        = "argocd"
  create_namespace = true
  wait             = true

  values = [yamlencode({
    global = {
      # The release the e2e tests run (test/e2e/control-plane) and test/crds vendors.
      image = { tag = var.argocd_version }
    }
    configs = {
      params = {
        # `sync`: the ApplicationSet controller creates, updates AND deletes Applications, so an
        # app, component or claim removed from rendered/ loses its Application, and the resources
        # finalizer Argo CD puts on every Application deletes what it deployed (data-holding
        # operator CRs carry Delete=false and stay). The README's lifecycle table says the same.
        "applicationsetcontroller.policy" = "sync"
      }
    }
    applicationSet = {
      replicas = 1
    }
  })]

  depends_on = [helm_release.aws_load_balancer_controller]
}

# Repository credentials for the chart registry: from variables, never a literal.
resource "kubernetes_secret_v1" "chart_registry" {
  count = var.chart_registry_token == "" ? 0 : 1

  metadata {
    name      = "infraforge-chart-registry"
    namespace = "argocd"
    labels = {
      "argocd.argoproj.io/secret-type" = "repository"
    }
  }

  data = {
    type      = "helm"
    name      = "infraforge-charts"
    url       = var.chart_registry
    enableOCI = "true"
    username  = var.chart_registry_username
    password  = var.chart_registry_token
  }

  depends_on = [helm_release.argocd]
}

# The root Application and the platform AppProject it runs in are the plain YAML in ../argocd/
# (usable on clusters this Terraform did not make); here they are applied through the
# argocd-apps chart with this cluster's repo URL.
locals {
  root_app         = yamldecode(file("${path.module}/../argocd/root-${var.environment}.yaml"))
  platform_project = yamldecode(file("${path.module}/../argocd/platform-project.yaml"))
}

resource "helm_release" "root_apps" {
  name       = "infraforge-root"
  repository = "https://argoproj.github.io/argo-helm"
  chart      = "argocd-apps"
  version    = var.addon_versions.argocd_apps
  namespace  = "argocd"

  values = [yamlencode({
    projects = {
      (local.platform_project.metadata.name) = {
        namespace                  = local.platform_project.metadata.namespace
        description                = local.platform_project.spec.description
        sourceRepos                = [var.gitops_repo_url]
        destinations               = local.platform_project.spec.destinations
        namespaceResourceWhitelist = local.platform_project.spec.namespaceResourceWhitelist
        clusterResourceWhitelist   = local.platform_project.spec.clusterResourceWhitelist
      }
    }
    applications = {
      (local.root_app.metadata.name) = {
        namespace  = local.root_app.metadata.namespace
        project    = local.root_app.spec.project
        finalizers = []
        source = merge(local.root_app.spec.source, {
          repoURL        = var.gitops_repo_url
          targetRevision = var.gitops_revision
        })
        destination = local.root_app.spec.destination
        syncPolicy  = local.root_app.spec.syncPolicy
      }
    }
  })]

  depends_on = [helm_release.argocd, helm_release.cloudnative_pg, helm_release.eck_operator, helm_release.strimzi, helm_release.mongodb_kubernetes]
}
