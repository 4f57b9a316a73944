{{/*
What a Job of an app (job.yaml, cronjob.yaml) shares with the app's Deployment: the image, the
env, the pod and container security contexts, /tmp. Its pods carry their own name label, so
the app's Service and PodDisruptionBudget (which select app.kubernetes.io/name) never count them.
*/}}

{{/* Labels of a job's objects and pods: the app's, with the job's name. Argument: (list $ $job). */}}
{{- define "common.jobLabels" -}}
{{- $root := index . 0 -}}
{{- $job := index . 1 -}}
app.kubernetes.io/name: {{ $job.name | quote }}
app.kubernetes.io/instance: {{ $root.Release.Name | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service | quote }}
app.kubernetes.io/component: job
app.kubernetes.io/part-of: {{ index $root.Values.labels "platform.infraforge.io/claim" | default $root.Release.Name | quote }}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version | replace "+" "_" | quote }}
{{- range $k, $v := $root.Values.labels }}
{{ $k | quote }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* A container's env list from values env entries ({name, value} or {name, valueFrom}). */}}
{{- define "common.envVars" -}}
{{- range . }}
- name: {{ .name | quote }}
  {{- if .valueFrom }}
  valueFrom:
    {{- with .valueFrom.secretKeyRef }}
    secretKeyRef:
      name: {{ .name | quote }}
      key: {{ .key | quote }}
      {{- if hasKey . "optional" }}
      optional: {{ .optional }}
      {{- end }}
    {{- end }}
    {{- with .valueFrom.configMapKeyRef }}
    configMapKeyRef:
      name: {{ .name | quote }}
      key: {{ .key | quote }}
      {{- if hasKey . "optional" }}
      optional: {{ .optional }}
      {{- end }}
    {{- end }}
  {{- else }}
  value: {{ .value | default "" | quote }}
  {{- end }}
{{- end }}
{{- end -}}

{{/*
The pod template of a job. Argument: (list $ $job $serviceAccount). A PreSync hook runs
before the sync creates the app's ServiceAccount, so hooks pass "default" (no token mounted).
*/}}
{{- define "common.jobPod" -}}
{{- $root := index . 0 -}}
{{- $job := index . 1 -}}
{{- $serviceAccount := index . 2 -}}
metadata:
  labels:
    {{- include "common.jobLabels" (list $root $job) | nindent 4 }}
spec:
  restartPolicy: Never
  serviceAccountName: {{ $serviceAccount }}
  automountServiceAccountToken: {{ $root.Values.serviceAccount.automountToken }}
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ .name | quote }}
    {{- end }}
  {{- end }}
  securityContext:
    {{- include "common.podSecurityContext" $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ $job.name }}
      image: {{ include "common.image" $root | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      {{- with $job.command }}
      command:
        {{- range . }}
        - {{ . | quote }}
        {{- end }}
      {{- end }}
      {{- with $job.args }}
      args:
        {{- range . }}
        - {{ . | quote }}
        {{- end }}
      {{- end }}
      {{- with $job.env }}
      env:
        {{- include "common.envVars" . | trim | nindent 8 }}
      {{- end }}
      {{- with $job.resources }}
      resources:
        {{- include "common.resources" . | trim | nindent 8 }}
      {{- end }}
      securityContext:
        {{- include "common.containerSecurityContext" $root.Values.securityContext | nindent 8 }}
      {{- if $root.Values.tmpVolume }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
      {{- end }}
  {{- if $root.Values.tmpVolume }}
  volumes:
    - name: tmp
      emptyDir: {}
  {{- end }}
  {{- with $root.Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* The app's ServiceAccount, as the Deployment names it. */}}
{{- define "common.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}{{ include "common.name" . }}{{ else }}default{{ end }}
{{- end -}}
