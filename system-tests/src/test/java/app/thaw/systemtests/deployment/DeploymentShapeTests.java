package app.thaw.systemtests.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment shapes kept in step (issue 19, ADR 91): the Helm chart in infra/helm/thaw, the compose file and
 * the runner's --scale all run two replicas of every service on Kafka. No Helm binary or manifest validator is
 * installable here (apt has neither helm nor kubeconform), so the chart's templates are read and checked
 * structurally: every Deployment takes its replicas from values and has probes and resources, every value a
 * template names exists, every secret is a reference. Each rule is shown to catch a template that breaks it.
 */
class DeploymentShapeTests {

    static final Path ROOT = Path.of(System.getProperty("thaw.root", ".."));
    static final Path CHART = ROOT.resolve("infra/helm/thaw");
    static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z][A-Za-z0-9]*)+)");

    @Test
    void theChartIsAChartAndItsValuesNameEveryServiceWithTwoReplicas() throws IOException {
        Map<String, Object> chart = yaml(CHART.resolve("Chart.yaml"));
        assertThat(chart)
                .containsEntry("apiVersion", "v2")
                .containsEntry("name", "thaw")
                .containsKey("version");
        Map<String, Object> values = yaml(CHART.resolve("values.yaml"));
        Map<String, Object> services = map(values, "services");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(ThawPlatform.SERVICES.values());
        services.forEach((name, service) -> {
            Map<String, Object> settings = cast(service);
            assertThat(settings.get("replicas")).as("%s replicas", name).isEqualTo(2);
            assertThat(map(map(settings, "resources"), "requests"))
                    .as("%s requests", name)
                    .containsKeys("cpu", "memory");
            assertThat(map(map(settings, "resources"), "limits"))
                    .as("%s limits", name)
                    .containsKey("memory");
            assertThat(settings).as(name).containsKeys("port", "area", "mongodbUriKey");
        });
        assertThat(map(values, "gateway").get("replicas")).isEqualTo(2);
        assertThat(map(values, "kafka")).containsKeys("bootstrapServers", "replicationFactor");
        assertThat(map(values, "keycloak")).containsKey("issuerUri");
        assertThat(map(values, "mongodb")).containsKey("existingSecret");
    }

    @Test
    void everyDeploymentTakesItsReplicasFromValuesAndHasProbesAndResources() throws IOException {
        List<String> deployments = deployments();
        assertThat(deployments)
                .as("the gateway's and the services' (one range over values.services)")
                .hasSize(2);
        for (String deployment : deployments) {
            assertThat(shapeProblems(deployment)).isEmpty();
        }
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
        assertThat(helpers)
                .contains(
                        "readinessProbe:", "/actuator/health/readiness", "livenessProbe:", "/actuator/health/liveness");
    }

    @Test
    void theShapeRulesCatchADeploymentThatBreaksThem() {
        String good = "kind: Deployment\nspec:\n  replicas: {{ .Values.gateway.replicas }}\n"
                + "          {{- include \"thaw.probes\" (dict \"port\" 8080) | nindent 10 }}\n"
                + "          resources:\n            {{- toYaml .Values.gateway.resources | nindent 12 }}\n";
        assertThat(shapeProblems(good)).isEmpty();
        assertThat(shapeProblems(good.replace("{{ .Values.gateway.replicas }}", "2")))
                .containsExactly("replicas not from values");
        assertThat(shapeProblems(good.replace("include \"thaw.probes\"", "include \"thaw.other\"")))
                .containsExactly("no probes");
        assertThat(shapeProblems(good.replace("resources:", "limits:"))).containsExactly("no resources from values");
        assertThat(missingValues("{{ .Values.gateway.replicaz }}", Map.of("gateway", Map.of("replicas", 2))))
                .containsExactly(".gateway.replicaz");
        assertThat(literalSecrets("            - { name: THAW_EVENTS_CLIENT_SECRET, value: \"s3cret\" }"))
                .hasSize(1);
    }

    @Test
    void everyValueATemplateNamesExistsAndEverySecretIsAReference() throws IOException {
        Map<String, Object> values = yaml(CHART.resolve("values.yaml"));
        for (Path template : templates()) {
            String text = Files.readString(template);
            assertThat(missingValues(text, values))
                    .as("values %s names", template.getFileName())
                    .isEmpty();
            assertThat(literalSecrets(text))
                    .as("secrets written into %s", template.getFileName())
                    .isEmpty();
        }
        String services = Files.readString(CHART.resolve("templates/services.yaml"));
        assertThat(services)
                .contains(
                        "name: MONGODB_URI",
                        "name: THAW_EVENTS_CLIENT_SECRET",
                        "secretKeyRef",
                        "name: THAW_EVENTS_TRANSPORT, value: kafka");
        assertThat(Files.readString(CHART.resolve("templates/gateway.yaml")))
                .contains("name: THAW_CONSOLE_CLIENT_SECRET", "secretKeyRef");
    }

    @Test
    void composeAndTheRunnerHaveTheSameShape() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("infra/compose/compose.yaml"));
        Map<String, Object> services = map(compose, "services");
        assertThat(services)
                .containsKeys("kafka", "mongo1", "mongo2", "mongo3", "keycloak", "otel-collector", "gateway");
        for (String service : ThawPlatform.SERVICES.values()) {
            assertThat(map(map(services, service), "deploy"))
                    .as("%s replicas in compose", service)
                    .containsEntry("replicas", 2);
            assertThat(map(map(services, service), "environment"))
                    .as(service)
                    .containsEntry("THAW_EVENTS_TRANSPORT", "kafka");
            assertThat(String.valueOf(
                            map(map(services, "gateway"), "environment").get("SPRING_APPLICATION_JSON")))
                    .as("the gateway balances across both replicas of %s", service)
                    .contains("thaw-" + service + "-1", "thaw-" + service + "-2");
        }
        String runner = Files.readString(ROOT.resolve("thaw"));
        for (String service : ThawPlatform.SERVICES.values()) {
            assertThat(runner)
                    .as("./thaw up --scale starts a second %s", service)
                    .containsPattern("SCALE_COMPONENTS=\"[^\"]*\\b" + service + "-2\\b");
        }
        assertThat(runner).contains("THAW_EVENTS_TRANSPORT=kafka");
    }

    // ---- the rules --------------------------------------------------------------------------------

    /** What a Deployment template lacks: replicas from values, the probes, resources from values. */
    static List<String> shapeProblems(String deployment) {
        List<String> problems = new ArrayList<>();
        if (!Pattern.compile("replicas: \\{\\{ [$.][A-Za-z.]*replicas }}")
                .matcher(deployment)
                .find()) {
            problems.add("replicas not from values");
        }
        if (!deployment.contains("include \"thaw.probes\"")) {
            problems.add("no probes");
        }
        if (!Pattern.compile("resources:\\s*\\{\\{- toYaml [$.][A-Za-z.]*resources")
                .matcher(deployment)
                .find()) {
            problems.add("no resources from values");
        }
        return problems;
    }

    /** The {@code .Values.a.b} paths a template names that values.yaml does not have. */
    static List<String> missingValues(String template, Map<String, Object> values) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = VALUES_REFERENCE.matcher(template);
        while (matcher.find()) {
            if (!hasKeyPath(values, matcher.group(1))) {
                missing.add(matcher.group(1));
            }
        }
        return missing;
    }

    private static boolean hasKeyPath(Map<String, Object> values, String path) {
        Object at = values;
        for (String key : path.substring(1).split("\\.")) {
            if (!(at instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            at = map.get(key);
        }
        return true;
    }

    /** Environment entries whose name says secret, password or token and whose value is written, not referenced. */
    static List<String> literalSecrets(String template) {
        return template.lines()
                .filter(line -> line.matches(".*name: [A-Z_]*(SECRET|PASSWORD|TOKEN)[A-Z_]*, value:.*"))
                .toList();
    }

    private static List<String> deployments() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            for (String document : Files.readString(template).split("(?m)^---$")) {
                if (document.contains("kind: Deployment")) {
                    found.add(document);
                }
            }
        }
        return found;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
