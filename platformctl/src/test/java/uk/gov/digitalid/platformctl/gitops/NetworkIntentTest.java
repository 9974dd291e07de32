package uk.gov.digitalid.platformctl.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.digitalid.platformctl.network.CallGraph;
import uk.gov.digitalid.platformctl.network.Flow;

/** In every environment the NetworkPolicies allow exactly the intended call graph. */
class NetworkIntentTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theNetworkPoliciesAllowExactlyTheCallGraph(String env) {
        String namespace = env.equals("prod") ? "digital-id" : "digital-id-" + env;
        CallGraph.Result result = CallGraph.load(Repository.ROOT).check(env, namespace, Repository.rendered(env));
        assertThat(result.findings()).isEmpty();
        assertThat(result.allowed()).contains(new Flow("ingress", "gateway", "http"), new Flow("gateway", "identity-core", "http"),
                new Flow("gov-connectors", "internet", "https"), new Flow("prometheus", "fraud-analytics", "management"));
        assertThat(result.allowed()).doesNotContain(new Flow("citizen-portal", "identity-core", "http"),
                new Flow("ingress", "identity-core", "http"), new Flow("gateway", "internet", "https"));
    }
}
