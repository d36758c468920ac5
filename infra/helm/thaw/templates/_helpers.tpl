{{/* The name of one application's objects: <release>-<application>. */}}
{{- define "thaw.name" -}}
{{- printf "%s-%s" .release .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object of one application carries. */}}
{{- define "thaw.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .release }}
app.kubernetes.io/part-of: thaw
{{- end -}}

{{/* The readiness and liveness probes of a Spring Boot application on its port. */}}
{{- define "thaw.probes" -}}
readinessProbe:
  httpGet: { path: /actuator/health/readiness, port: {{ .port }} }
  periodSeconds: 5
  failureThreshold: 3
livenessProbe:
  httpGet: { path: /actuator/health/liveness, port: {{ .port }} }
  periodSeconds: 10
  failureThreshold: 6
startupProbe:
  httpGet: { path: /actuator/health/liveness, port: {{ .port }} }
  periodSeconds: 5
  failureThreshold: 60
{{- end -}}
