package io.devhost.server.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devhost.server.testing.CliRun;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/k8s checked offline, with no cluster: every document against the Kubernetes API's own
 * models (client-java-api, generated from the API's OpenAPI schema: unknown and missing required
 * fields, wrong types), then what the schema cannot say (probes on /healthz, non-root, read-only
 * root, limits, the names that tie the objects together), and the ConfigMap's devhost.yaml against
 * DevHost's own options. {@code kubectl apply --dry-run=client} needs a cluster's API discovery
 * even with {@code --validate=false}, so it cannot serve as this check.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("..", "deploy", "k8s");
  private static final Path CONTAINERFILE = Path.of("..", "deploy", "container", "Containerfile");
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "apps/v1 Deployment", V1Deployment.class,
          "v1 Service", V1Service.class,
          "v1 ConfigMap", V1ConfigMap.class,
          "v1 Secret", V1Secret.class,
          "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class);

  @TempDir Path dir;

  @Test
  void everyManifestIsAValidKubernetesObject() throws Exception {
    var kinds = new ArrayList<String>();
    for (JsonObject document : documents()) {
      validate(document);
      kinds.add(document.get("kind").getAsString());
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "ConfigMap", "Deployment", "PodDisruptionBudget", "Secret", "Service");
  }

  @Test
  void theCheckRefusesABrokenManifest() throws Exception {
    JsonObject deployment = the("Deployment");
    List<Consumer<JsonObject>> breakages =
        List.of(
            d -> spec(d).add("replcas", spec(d).remove("replicas")),
            d -> spec(d).addProperty("replicas", "three"),
            d -> container(d).remove("name"),
            d ->
                container(d)
                    .getAsJsonObject("readinessProbe")
                    .getAsJsonObject("httpGet")
                    .remove("port"),
            d -> d.remove("kind"));
    for (var breakage : breakages) {
      JsonObject broken = deployment.deepCopy();
      breakage.accept(broken);
      assertThatThrownBy(() -> validate(broken)).as(broken.toString()).isNotNull();
    }
  }

  @Test
  void theDeploymentRunsReplicasAsNonRootOnAReadOnlyRootWithProbesAndLimits() throws Exception {
    var deployment = (V1Deployment) validate(the("Deployment"));
    var pod = deployment.getSpec().getTemplate().getSpec();
    V1Container devhost = pod.getContainers().get(0);

    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(devhost.getImage()).isEqualTo("localhost/devhost:dev");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(Files.readString(CONTAINERFILE))
        .as("the pod's user is the image's")
        .contains("--uid " + pod.getSecurityContext().getRunAsUser() + " ");
    assertThat(devhost.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(devhost.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(devhost.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(devhost.getResources().getRequests()).containsKeys("cpu", "memory");
    for (V1Probe probe :
        List.of(
            devhost.getStartupProbe(), devhost.getReadinessProbe(), devhost.getLivenessProbe())) {
      V1HTTPGetAction get = probe.getHttpGet();
      assertThat(get.getPath()).isEqualTo("/healthz");
      assertThat(get.getPort().toString()).isEqualTo(devhost.getPorts().get(0).getName());
      assertThat(get.getHttpHeaders())
          .as("DevHost refuses a Host it does not know, and a probe's is the pod IP")
          .anySatisfy(
              h -> assertThat(h.getName() + ": " + h.getValue()).isEqualTo("Host: localhost"));
    }
    assertThat(devhost.getArgs()).containsSequence("serve", "--http", "--bind", "0.0.0.0");
  }

  @Test
  void theServiceConfigMapAndSecretAreTheOnesTheDeploymentNames() throws Exception {
    var deployment = (V1Deployment) validate(the("Deployment"));
    var service = (V1Service) validate(the("Service"));
    var config = (V1ConfigMap) validate(the("ConfigMap"));
    var secret = (V1Secret) validate(the("Secret"));
    var budget = (V1PodDisruptionBudget) validate(the("PodDisruptionBudget"));
    var pod = deployment.getSpec().getTemplate().getSpec();
    V1Container devhost = pod.getContainers().get(0);
    var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();

    assertThat(service.getSpec().getSelector()).isEqualTo(labels);
    assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().toString())
        .isEqualTo(devhost.getPorts().get(0).getName());
    var volumes = pod.getVolumes();
    assertThat(volumes)
        .anySatisfy(
            v -> assertThat(v.getConfigMap().getName()).isEqualTo(config.getMetadata().getName()));
    var secretVolume =
        volumes.stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
    assertThat(secretVolume.getSecret().getSecretName()).isEqualTo(secret.getMetadata().getName());
    assertThat(secretVolume.getSecret().getDefaultMode() & 07)
        .as("the state key must not be readable by others, or DevHost refuses it")
        .isZero();
    String secretsPath = mountPath(devhost, secretVolume.getName());
    String configPath = mountPath(devhost, "config");

    assertThat(devhost.getArgs()).containsSequence("--config", configPath + "/devhost.yaml");
    String devhostYaml = config.getData().get("devhost.yaml");
    assertThat(devhostYaml).contains("state-key-file: " + secretsPath + "/state-key");
    assertThat(secret.getStringData())
        .as("the token where the image's entry point looks (/secrets/devhost_token), and the key")
        .containsOnlyKeys("devhost_token", "state-key");
    assertThat(secretsPath).isEqualTo("/secrets");
  }

  @Test
  void theConfigMapsDevhostYamlHoldsOnlyKeysDevhostKnows() throws Exception {
    var config = (V1ConfigMap) validate(the("ConfigMap"));
    Path file =
        Files.writeString(dir.resolve("devhost.yaml"), config.getData().get("devhost.yaml"));

    // The roots of the cluster (/workspace) do not exist here: the flag overrides the file's.
    var run = CliRun.of("tools", "--config", file.toString(), "--roots", dir.toString());

    assertThat(run.err()).doesNotContain("unknown key");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("write_file");
  }

  private static String mountPath(V1Container container, String volume) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getName().equals(volume))
        .findFirst()
        .orElseThrow()
        .getMountPath();
  }

  private static JsonObject spec(JsonObject deployment) {
    return deployment.getAsJsonObject("spec");
  }

  private static JsonObject container(JsonObject deployment) {
    return spec(deployment)
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject();
  }

  /**
   * The schema check: the model's own validation (unknown fields, missing required ones,
   * non-primitive values where primitives belong), then a typed parse (numbers, quantities).
   */
  static Object validate(JsonObject document) throws Exception {
    String key =
        (document.has("apiVersion") ? document.get("apiVersion").getAsString() : "?")
            + " "
            + (document.has("kind") ? document.get("kind").getAsString() : "?");
    Class<?> model = MODELS.get(key);
    if (model == null) {
      throw new IllegalArgumentException("no model for " + key + "; known: " + MODELS.keySet());
    }
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, document);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(key + ": " + e.getCause().getMessage(), e.getCause());
    }
    return new JSON().deserialize(document.toString(), model);
  }

  private JsonObject the(String kind) throws Exception {
    return documents().stream()
        .filter(d -> kind.equals(d.get("kind").getAsString()))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonObject> documents() throws Exception {
    var yaml = YAMLMapper.builder().build();
    var documents = new ArrayList<JsonObject>();
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var values = yaml.readValues(yaml.createParser(file.toFile()), JsonNode.class)) {
          while (values.hasNext()) {
            JsonNode node = values.next();
            if (node != null && !node.isNull()) {
              documents.add(JsonParser.parseString(node.toString()).getAsJsonObject());
            }
          }
        }
      }
    }
    return documents;
  }
}
