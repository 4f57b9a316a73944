{{/* Object name: values.name (the claim's app or component name), else the release name. */}}
{{- define "common.name" -}}
{{- $name := default .Release.Name .Values.name -}}
{{- if gt (len $name) 63 -}}
{{- fail (printf "name %q is longer than 63 characters" $name) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/* A derived name (name-suffix), cut to 63 characters and never ending in '-'. */}}
{{- define "common.suffixed" -}}
{{- $root := index . 0 -}}
{{- $suffix := index . 1 -}}
{{- printf "%s-%s" (include "common.name" $root) $suffix | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.selectorLabels" -}}
app.kubernetes.io/name: {{ include "common.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "common.labels" -}}
{{ include "common.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/component: {{ .Values.type | quote }}
app.kubernetes.io/part-of: {{ index .Values.labels "platform.infraforge.io/claim" | default .Release.Name | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | quote }}
{{- range $k, $v := .Values.labels }}
{{ $k | quote }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{- define "common.image" -}}
{{- $repo := required "image.repository is required for a microservice" .Values.image.repository -}}
{{- $tag := required "image.tag is required for a microservice" .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" $repo $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{- define "common.resources" -}}
{{- with .requests }}
requests:
  {{- with .cpu }}
  cpu: {{ . | quote }}
  {{- end }}
  {{- with .memory }}
  memory: {{ . | quote }}
  {{- end }}
{{- end }}
{{- with .limits }}
limits:
  {{- with .cpu }}
  cpu: {{ . | quote }}
  {{- end }}
  {{- with .memory }}
  memory: {{ . | quote }}
  {{- end }}
{{- end }}
{{- end -}}

{{/*
Metadata of an operator resource that holds data. Delete=false: when Argo CD deletes the
Application (component removed, claim removed or renamed), it leaves this object, so the
operator keeps the volumes; deleting it is a deliberate act by hand (README, Lifecycle).
*/}}
{{- define "common.dataMetadata" -}}
name: {{ include "common.name" . }}
labels:
  {{- include "common.labels" . | nindent 2 }}
annotations:
  argocd.argoproj.io/sync-options: Delete=false
{{- end -}}

{{/* A PersistentVolumeClaim spec from a values storage block ({size, storageClass}). */}}
{{- define "common.pvcSpec" -}}
accessModes:
  - ReadWriteOnce
{{- with .storageClass }}
storageClassName: {{ . | quote }}
{{- end }}
resources:
  requests:
    storage: {{ required "storage.size is required" .size | quote }}
{{- end -}}

{{/*
Pod Security `restricted` by construction, for every pod template the chart renders (include
these in any new workload template). The fixed fields come first and values can only add the
few fields that stay inside the policy: a values file, hand-written or not, cannot loosen them.
The tenant namespaces enforce the same policy in the API server (rendered/<env>/namespaces.yaml).

common.podSecurityContext: argument = a dict with optional runAsUser, runAsGroup, fsGroup
(integers ≥ 1; 0 is root and fails the render).
*/}}
{{- define "common.podSecurityContext" -}}
{{- $p := . | default dict -}}
runAsNonRoot: true
{{- range $field := list "runAsUser" "runAsGroup" "fsGroup" }}
{{- if hasKey $p $field }}
{{- $id := index $p $field }}
{{- if lt (int64 $id) 1 }}
{{- fail (printf "podSecurityContext.%s must be a user or group id of 1 or more (Pod Security restricted), not %v" $field $id) }}
{{- end }}
{{ $field | quote }}: {{ int64 $id }}
{{- end }}
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
common.containerSecurityContext: argument = a dict with optional runAsUser (integer ≥ 1) and
readOnlyRootFilesystem (default true).
*/}}
{{- define "common.containerSecurityContext" -}}
{{- $c := . | default dict -}}
runAsNonRoot: true
{{- if hasKey $c "runAsUser" }}
{{- if lt (int64 $c.runAsUser) 1 }}
{{- fail (printf "securityContext.runAsUser must be 1 or more (Pod Security restricted), not %v" $c.runAsUser) }}
{{- end }}
runAsUser: {{ int64 $c.runAsUser }}
{{- end }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: {{ if hasKey $c "readOnlyRootFilesystem" }}{{ $c.readOnlyRootFilesystem }}{{ else }}true{{ end }}
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}
