package uk.gov.digitalid.platformctl.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.platformctl.manifests.KnownKinds;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.rules.CrossResourceRules;
import uk.gov.digitalid.platformctl.rules.Intent;

/** Every overlay rendered with real kustomize: what it contains, and that the cross-resource rules hold. */
class RenderedOverlaysTest {

    static Stream<String> environments() {
        return Repository.ENVIRONMENTS.stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyRenderedObjectIsAKindTheRepositoryKnows(String env) {
        Manifests manifests = Repository.rendered(env);
        assertThat(manifests.all()).hasSizeGreaterThan(100);
        assertThat(manifests.all()).filteredOn(m -> !KnownKinds.isKnown(m)).extracting(Manifest::id).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void theCrossResourceRulesHold(String env) {
        assertThat(new CrossResourceRules(Intent.load(Repository.ROOT)).check(env, Repository.rendered(env))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyObjectIsInTheEnvironmentsNamespace(String env) {
        String namespace = env.equals("prod") ? "digital-id" : "digital-id-" + env;
        assertThat(Repository.rendered(env).all()).filteredOn(m -> !m.kind().equals("Namespace"))
                .allSatisfy(m -> assertThat(m.namespace()).as(m.id()).isEqualTo(namespace));
        assertThat(Repository.rendered(env).ofKind("Namespace")).singleElement().satisfies(ns -> {
            assertThat(ns.name()).isEqualTo(namespace);
            assertThat(ns.labels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted")
                    .containsEntry("digital-id.gov.uk/environment", env);
        });
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyServiceRunsHardenedAsUser65532WithProbesOnTheManagementPort(String env) {
        for (Manifest rollout : Repository.rendered(env).ofKind("Rollout")) {
            assertThat(rollout.path("spec", "template", "spec", "securityContext", "runAsUser")).as(rollout.id()).contains(65532);
            assertThat(rollout.path("spec", "template", "spec", "automountServiceAccountToken")).as(rollout.id()).contains(false);
            for (Map<String, Object> container : rollout.list("spec", "template", "spec", "containers")) {
                assertThat(container).extractingByKey("securityContext").asString()
                        .contains("readOnlyRootFilesystem=true", "allowPrivilegeEscalation=false", "drop=[ALL]");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container).extractingByKey(probe).asString().as(rollout.id() + " " + probe).contains("port=management");
                }
            }
        }
    }

    @Test
    void theSimulatorIsInDevOnly() {
        assertThat(Repository.rendered("dev").has("Rollout", "gov-sandbox")).isTrue();
        assertThat(Repository.rendered("dev").ofKind("ConfigMap")).filteredOn(m -> m.name().equals("gov-connectors"))
                .singleElement().satisfies(m -> assertThat(m.text("data", "HMRC_BASE_URL")).contains("http://gov-sandbox:8071"));
        for (String env : List.of("staging", "prod")) {
            assertThat(Repository.rendered(env).all()).as(env).noneMatch(m -> m.name().startsWith("gov-sandbox"));
            assertThat(Repository.rendered(env).ofKind("ConfigMap")).filteredOn(m -> m.name().equals("gov-connectors"))
                    .singleElement().satisfies(m -> assertThat(m.text("data", "HMRC_BASE_URL")).contains("https://api.service.hmrc.gov.uk"));
        }
    }

    @Test
    void promotionIsAutomaticBeforeProdAndManualInProd() {
        assertThat(Repository.rendered("dev").ofKind("Rollout")).allSatisfy(r ->
                assertThat(r.path("spec", "strategy", "blueGreen", "autoPromotionEnabled")).contains(true));
        assertThat(Repository.rendered("staging").ofKind("Rollout")).allSatisfy(r ->
                assertThat(r.path("spec", "strategy", "blueGreen", "autoPromotionEnabled")).contains(true));
        assertThat(Repository.rendered("prod").ofKind("Rollout")).allSatisfy(r ->
                assertThat(r.path("spec", "strategy", "blueGreen", "autoPromotionEnabled")).contains(false));
    }

    @Test
    void prodRunsTheDataTierAtItsSeedSizes() {
        Manifests prod = Repository.rendered("prod");
        assertThat(prod.ofKind("Cluster").get(0).integer("spec", "instances")).contains(3);
        assertThat(prod.ofKind("KafkaNodePool").get(0).integer("spec", "replicas")).contains(3);
        assertThat(prod.ofKind("Tenant").get(0).list("spec", "pools").get(0)).containsEntry("servers", 4);
        assertThat(prod.ofKind("KafkaTopic")).allSatisfy(t -> assertThat(t.integer("spec", "replicas")).contains(3));
        assertThat(Repository.rendered("dev").ofKind("Cluster").get(0).integer("spec", "instances")).contains(1);
    }

    @Test
    void strictMeshMtlsIsOnInStagingAndProd() {
        for (String env : List.of("staging", "prod")) {
            assertThat(Repository.rendered(env).ofKind("Rollout")).allSatisfy(r -> assertThat(Manifest.stringMap(
                    r.path("spec", "template", "metadata", "annotations"))).containsEntry("consul.hashicorp.com/connect-inject", "true"));
            assertThat(Repository.rendered(env).ofKind("ServiceIntentions")).hasSize(6);
        }
        assertThat(Repository.rendered("dev").ofKind("ServiceIntentions")).isEmpty();
    }
}
