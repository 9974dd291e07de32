package uk.gov.digitalid.platformctl.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/**
 * Every fixture in policies/tests gets its declared verdict: a pass fixture is admitted by every
 * policy; a fail fixture is refused by the policy it names, with the message it names.
 */
class PolicyFixturesTest {

    private static final Path POLICIES = root().resolve("policies");

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsDeclaredVerdict() throws IOException {
        AdmissionPolicies policies = AdmissionPolicies.load(POLICIES);
        Manifests context = Manifests.parse(Files.readString(POLICIES.resolve("tests/namespaces.yaml")));
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(POLICIES.resolve("tests"))) {
            fixtures = walk.filter(p -> p.getParent().getFileName().toString().matches("pass|fail")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(20);
        return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(POLICIES.relativize(fixture).toString(), () -> {
            Manifest object = Manifests.parse(Files.readString(fixture)).all().get(0);
            List<AdmissionPolicies.Violation> violations = policies.admit(object, namespace -> labels(context, namespace),
                    (kind, name) -> context.find(kind, name).map(Manifest::body));
            Map<String, String> expected = Manifest.stringMap(object.path("metadata", "annotations"));
            if (fixture.getParent().getFileName().toString().equals("pass")) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(AdmissionPolicies.Violation::policy, AdmissionPolicies.Violation::message)
                        .contains(Tuple.tuple(expected.get("policies.digital-id.gov.uk/expected-policy"),
                                expected.get("policies.digital-id.gov.uk/expected-message")));
            }
        }));
    }

    static Map<String, String> labels(Manifests context, String namespace) {
        return context.ofKind("Namespace").stream().filter(n -> n.name().equals(namespace)).findFirst().map(Manifest::labels).orElse(Map.of());
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("policies"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
