package uk.gov.digitalid.platformctl.network;

import java.util.Map;

/**
 * Something that sends or receives traffic: a workload's pods, a pod of another namespace or of the
 * data tier (by the labels it carries), or an address outside the cluster.
 *
 * @param ports named ports it listens on
 * @param ip set only for an address outside the cluster
 */
public record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Port> ports, String ip, boolean workload) {

    public record Port(int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }
}
