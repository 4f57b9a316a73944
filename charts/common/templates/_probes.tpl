{{/*
A probe from values.probes.<kind>: one handler (httpGet with headers, grpc, tcpSocket, exec)
and its timings. infraforge-render writes exactly one handler (src/render/probes.ts).
*/}}
{{- define "common.probe" -}}
{{- $p := . -}}
{{- if $p.httpGet }}
httpGet:
  path: {{ $p.httpGet.path | quote }}
  port: {{ $p.httpGet.port }}
  {{- with $p.httpGet.httpHeaders }}
  httpHeaders:
    {{- range . }}
    - name: {{ .name | quote }}
      value: {{ .value | quote }}
    {{- end }}
  {{- end }}
{{- else if $p.grpc }}
grpc:
  port: {{ $p.grpc.port }}
  {{- if hasKey $p.grpc "service" }}
  service: {{ $p.grpc.service | quote }}
  {{- end }}
{{- else if $p.tcpSocket }}
tcpSocket:
  port: {{ $p.tcpSocket.port }}
{{- else if $p.exec }}
exec:
  command:
    {{- range $p.exec.command }}
    - {{ . | quote }}
    {{- end }}
{{- end }}
{{- with $p.initialDelaySeconds }}
initialDelaySeconds: {{ . }}
{{- end }}
{{- with $p.periodSeconds }}
periodSeconds: {{ . }}
{{- end }}
{{- with $p.timeoutSeconds }}
timeoutSeconds: {{ . }}
{{- end }}
{{- with $p.failureThreshold }}
failureThreshold: {{ . }}
{{- end }}
{{- end -}}
