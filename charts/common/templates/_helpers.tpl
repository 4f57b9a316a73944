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
{{ $k }}: {{ $v | quote }}
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
