package uk.gov.digitalid.platformctl.rules;

import java.util.List;
import java.util.Map;
import uk.gov.digitalid.platformctl.manifests.Manifest;

/** A workload object (Rollout, Deployment, StatefulSet) seen through its pod template. */
record Workload(Manifest manifest) {

    static final List<String> KINDS = List.of("Rollout", "Deployment", "StatefulSet");

    static boolean is(Manifest manifest) {
        return KINDS.contains(manifest.kind()) && manifest.path("spec", "template").isPresent();
    }

    String name() {
        return manifest.name();
    }

    Map<String, String> podLabels() {
        return Manifest.stringMap(manifest.path("spec", "template", "metadata", "labels"));
    }

    List<Map<String, Object>> containers() {
        return manifest.list("spec", "template", "spec", "containers");
    }

    String serviceAccount() {
        return manifest.text("spec", "template", "spec", "serviceAccountName").orElse("default");
    }
}
