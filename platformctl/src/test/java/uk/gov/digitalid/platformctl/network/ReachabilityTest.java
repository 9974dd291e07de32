package uk.gov.digitalid.platformctl.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/** Kubernetes NetworkPolicy semantics, one rule per test, on hand-written policies. */
class ReachabilityTest {

    private static final Endpoint.Port HTTP = new Endpoint.Port(8080, "TCP");
    private static final Endpoint API = pod("api", "app", Map.of("app", "api"));
    private static final Endpoint WEB = pod("web", "app", Map.of("app", "web"));
    private static final Endpoint OTHER_NS_WEB = pod("web-elsewhere", "other", Map.of("app", "web"));
    private static final Endpoint MONITORING = pod("prometheus", "monitoring", Map.of("app", "prometheus"));

    private static Endpoint pod(String name, String namespace, Map<String, String> labels) {
        return new Endpoint(name, namespace, labels, Map.of("http", HTTP, "metrics", new Endpoint.Port(8081, "TCP"),
                "dns", new Endpoint.Port(53, "UDP")), null, true);
    }

    private static Endpoint address(String ip) {
        return new Endpoint("ip-" + ip, "app", Map.of(), Map.of("https", new Endpoint.Port(443, "TCP")), ip, false);
    }

    private static Reachability policies(String yaml) {
        List<Manifest> policies = yaml.isBlank() ? List.of() : Manifests.parse(yaml).all();
        Map<String, Map<String, String>> namespaces = Map.of("monitoring", Map.of("team", "observability"), "other", Map.of("team", "web"));
        return new Reachability("app", policies, name -> namespaces.getOrDefault(name, Map.of()));
    }

    @Test
    void podsNoPolicySelectsAreOpenBothWays() {
        Reachability none = policies("");
        assertThat(none.allows(WEB, API, "http", HTTP)).isTrue();
        assertThat(none.allows(API, address("203.0.113.1"), "https", new Endpoint.Port(443, "TCP"))).isTrue();
    }

    @Test
    void aPolicyWithoutEgressRulesIsolatesIngressOnly() {
        Reachability ingressOnly = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: []
                """);
        assertThat(ingressOnly.allows(WEB, API, "http", HTTP)).as("api's ingress is now closed").isFalse();
        assertThat(ingressOnly.allows(API, WEB, "http", HTTP)).as("api's egress stays open").isTrue();
    }

    @Test
    void aConnectionNeedsTheSendersEgressAndTheReceiversIngress() {
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-in}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
                """;
        assertThat(policies(ingress).allows(WEB, API, "http", HTTP)).isTrue();
        String webEgressClosed = ingress + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-out}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                """;
        assertThat(policies(webEgressClosed).allows(WEB, API, "http", HTTP)).isFalse();
    }

    @Test
    void podAndNamespaceSelectorsInOneElementAreAndedAndSeparateElementsOred() {
        Reachability anded = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {team: web}}
                          podSelector: {matchLabels: {app: web}}
                """);
        assertThat(anded.allows(OTHER_NS_WEB, API, "http", HTTP)).isTrue();
        assertThat(anded.allows(WEB, API, "http", HTTP)).as("same labels, wrong namespace").isFalse();
        Reachability ored = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {team: observability}}
                        - podSelector: {matchLabels: {app: web}}
                """);
        assertThat(ored.allows(WEB, API, "http", HTTP)).as("a pod of its own namespace").isTrue();
        assertThat(ored.allows(MONITORING, API, "http", HTTP)).as("any pod of a selected namespace").isTrue();
        assertThat(ored.allows(OTHER_NS_WEB, API, "http", HTTP)).as("podSelector alone means this namespace").isFalse();
    }

    @Test
    void ipBlocksMatchAddressesOutsideTheClusterWithExceptions() {
        Reachability egress = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}}]
                      ports: [{port: 443}]
                """);
        Endpoint.Port https = new Endpoint.Port(443, "TCP");
        assertThat(egress.allows(API, address("203.0.113.7"), "https", https)).isTrue();
        assertThat(egress.allows(API, address("10.1.2.3"), "https", https)).as("excepted").isFalse();
        assertThat(egress.allows(API, WEB, "http", HTTP)).as("an ipBlock does not select pods").isFalse();
        assertThat(Reachability.inCidr("192.168.1.1", "192.168.0.0/16")).isTrue();
        assertThat(Reachability.inCidr("192.169.1.1", "192.168.0.0/16")).isFalse();
    }

    @Test
    void portsAreNumbersRangesOrNamesOfTheReceiversPortsAndTcpUnlessSaid() {
        String template = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{ports: [%s]}]
                """;
        assertThat(policies(template.formatted("{port: 8080}")).allows(WEB, API, "http", HTTP)).isTrue();
        assertThat(policies(template.formatted("{port: 8080}")).allows(WEB, API, "metrics", new Endpoint.Port(8081, "TCP"))).isFalse();
        assertThat(policies(template.formatted("{port: 8000, endPort: 8090}")).allows(WEB, API, "metrics", new Endpoint.Port(8081, "TCP"))).isTrue();
        assertThat(policies(template.formatted("{port: metrics}")).allows(WEB, API, "metrics", new Endpoint.Port(8081, "TCP"))).isTrue();
        assertThat(policies(template.formatted("{port: metrics}")).allows(WEB, API, "http", HTTP)).isFalse();
        assertThat(policies(template.formatted("{port: 53}")).allows(WEB, API, "dns", new Endpoint.Port(53, "UDP"))).as("TCP by default").isFalse();
        assertThat(policies(template.formatted("{port: 53, protocol: UDP}")).allows(WEB, API, "dns", new Endpoint.Port(53, "UDP"))).isTrue();
    }

    @Test
    void aRuleWithoutPeersAdmitsEveryPeerAndWithoutPortsEveryPort() {
        Reachability open = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{}]
                """);
        assertThat(open.allows(OTHER_NS_WEB, API, "metrics", new Endpoint.Port(8081, "TCP"))).isTrue();
        assertThat(open.allows(MONITORING, API, "http", HTTP)).isTrue();
    }

    @Test
    void allowedFlowsListEachReceiverPortOnceAndSkipFlowsOutsideTheNamespace() {
        assertThat(policies("").allowedFlows(List.of(WEB, MONITORING, OTHER_NS_WEB)))
                .contains(new Flow("web", "prometheus", "http"), new Flow("prometheus", "web", "metrics"))
                .doesNotContain(new Flow("prometheus", "web-elsewhere", "http"));
    }
}
