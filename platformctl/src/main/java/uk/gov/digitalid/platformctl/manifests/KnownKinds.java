package uk.gov.digitalid.platformctl.manifests;

import java.util.Set;

/**
 * The API versions and kinds this repository renders, each checked against the API it targets
 * (gitops/README.md lists the documentation pages). Anything else in a rendered overlay is a
 * mistake: a typo, or an API version the cluster's operators no longer serve.
 */
public final class KnownKinds {

    private static final Set<String> KNOWN = Set.of(
            "v1/Namespace", "v1/ConfigMap", "v1/Service", "v1/ServiceAccount", "v1/Secret",
            "apps/v1/StatefulSet", "apps/v1/Deployment",
            "autoscaling/v2/HorizontalPodAutoscaler",
            "policy/v1/PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy",
            "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding",
            "argoproj.io/v1alpha1/Rollout", "argoproj.io/v1alpha1/AnalysisTemplate",
            "argoproj.io/v1alpha1/Application", "argoproj.io/v1alpha1/ApplicationSet", "argoproj.io/v1alpha1/AppProject",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor", "monitoring.coreos.com/v1/PrometheusRule",
            "external-secrets.io/v1/ExternalSecret", "external-secrets.io/v1/SecretStore",
            "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic",
            "kafka.strimzi.io/v1/KafkaUser",
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/Pooler",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore",
            "minio.min.io/v2/Tenant",
            "gateway.networking.k8s.io/v1/Gateway", "gateway.networking.k8s.io/v1/HTTPRoute",
            "cert-manager.io/v1/ClusterIssuer",
            "consul.hashicorp.com/v1alpha1/ServiceIntentions", "consul.hashicorp.com/v1alpha1/ProxyDefaults",
            "consul.hashicorp.com/v1alpha1/Mesh");

    private KnownKinds() {
    }

    public static boolean isKnown(Manifest manifest) {
        return KNOWN.contains(manifest.apiVersion() + "/" + manifest.kind());
    }
}
