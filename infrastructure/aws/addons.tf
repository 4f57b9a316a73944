# Cluster add-ons the rendered applications rely on.

# CloudNativePG: the operator behind every `type: postgresql` component.
resource "helm_release" "cloudnative_pg" {
  name             = "cnpg"
  repository       = "https://cloudnative-pg.github.io/charts"
  chart            = "cloudnative-pg"
  version          = var.addon_versions.cloudnative_pg
  namespace        = "cnpg-system"
  create_namespace = true
  wait             = true
}

# metrics-server: the HorizontalPodAutoscalers the chart renders need resource metrics.
resource "helm_release" "metrics_server" {
  name       = "metrics-server"
  repository = "https://kubernetes-sigs.github.io/metrics-server/"
  chart      = "metrics-server"
  version    = var.addon_versions.metrics_server
  namespace  = "kube-system"
}

# cert-manager: TLS certificates for Ingresses.
resource "helm_release" "cert_manager" {
  name             = "cert-manager"
  repository       = "https://charts.jetstack.io"
  chart            = "cert-manager"
  version          = var.addon_versions.cert_manager
  namespace        = "cert-manager"
  create_namespace = true

  set {
    name  = "crds.enabled"
    value = "true"
  }
}

# AWS Load Balancer Controller: Ingress (alb) and Service (nlb) objects become AWS load balancers.
module "lb_controller_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.48"

  role_name                              = "${local.name}-lb-controller"
  attach_load_balancer_controller_policy = true

  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}

resource "helm_release" "aws_load_balancer_controller" {
  name       = "aws-load-balancer-controller"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = var.addon_versions.aws_load_balancer_controller
  namespace  = "kube-system"

  values = [yamlencode({
    clusterName = module.eks.cluster_name
    region      = var.region
    vpcId       = module.vpc.vpc_id
    serviceAccount = {
      name = "aws-load-balancer-controller"
      annotations = {
        "eks.amazonaws.com/role-arn" = module.lb_controller_irsa.iam_role_arn
      }
    }
  })]
}

# Operators for the other component types. Each is installed when this environment's
# rendered values use its type (Terraform reads rendered/<environment>/*/*/values.yaml, so
# re-apply after a claim adds a new type) or when var.component_operators lists it. Versions
# match the CRDs the renderer is tested against (test/crds).
locals {
  rendered_dir   = "${path.module}/../../rendered/${var.environment}"
  rendered_types = toset([for f in fileset(local.rendered_dir, "*/*/values.yaml") : yamldecode(file("${local.rendered_dir}/${f}")).type])
  operators      = setunion(local.rendered_types, toset(var.component_operators))
}

# ECK: `type: elasticsearch` → Elasticsearch. Watches every namespace by default.
resource "helm_release" "eck_operator" {
  count            = contains(local.operators, "elasticsearch") ? 1 : 0
  name             = "elastic-operator"
  repository       = "https://helm.elastic.co"
  chart            = "eck-operator"
  version          = var.addon_versions.eck_operator
  namespace        = "elastic-system"
  create_namespace = true
  wait             = true
}

# Strimzi: `type: kafka` → Kafka + KafkaNodePool (KRaft). By default it watches only its own
# namespace; the claims' Kafka clusters live in the teams' namespaces.
resource "helm_release" "strimzi" {
  count            = contains(local.operators, "kafka") ? 1 : 0
  name             = "strimzi"
  repository       = "oci://quay.io/strimzi-helm"
  chart            = "strimzi-kafka-operator"
  version          = var.addon_versions.strimzi
  namespace        = "strimzi-system"
  create_namespace = true
  wait             = true

  values = [yamlencode({ watchAnyNamespace = true })]
}

# MongoDB Controllers for Kubernetes: `type: mongodb` → MongoDBCommunity, in every namespace.
# Each component brings its pods' ServiceAccount (charts/common), so none is made here.
resource "helm_release" "mongodb_kubernetes" {
  count            = contains(local.operators, "mongodb") ? 1 : 0
  name             = "mongodb-kubernetes"
  repository       = "https://mongodb.github.io/helm-charts"
  chart            = "mongodb-kubernetes"
  version          = var.addon_versions.mongodb_kubernetes
  namespace        = "mongodb-system"
  create_namespace = true
  wait             = true

  values = [yamlencode({
    operator = {
      watchNamespace   = "*"
      watchedResources = ["mongodbcommunity"]
    }
  })]
}

# RabbitMQ Cluster Operator: `type: rabbitmq` → RabbitmqCluster. Upstream publishes no Helm
# chart, only a release manifest; Argo CD applies it, pinned, through the kustomization in
# infrastructure/operators/rabbitmq (the release URL carries the version).
resource "helm_release" "rabbitmq_cluster_operator" {
  count      = contains(local.operators, "rabbitmq") ? 1 : 0
  name       = "rabbitmq-cluster-operator"
  repository = "https://argoproj.github.io/argo-helm"
  chart      = "argocd-apps"
  version    = var.addon_versions.argocd_apps
  namespace  = "argocd"

  values = [yamlencode({
    applications = {
      rabbitmq-cluster-operator = {
        namespace  = "argocd"
        project    = "default"
        finalizers = ["resources-finalizer.argocd.argoproj.io"]
        source = {
          repoURL        = var.gitops_repo_url
          targetRevision = var.gitops_revision
          path           = "infrastructure/operators/rabbitmq"
        }
        destination = {
          server    = "https://kubernetes.default.svc"
          namespace = "rabbitmq-system"
        }
        syncPolicy = {
          automated   = { prune = true, selfHeal = true }
          syncOptions = ["CreateNamespace=true", "ServerSideApply=true"]
        }
      }
    }
  })]

  depends_on = [helm_release.argocd]
}
