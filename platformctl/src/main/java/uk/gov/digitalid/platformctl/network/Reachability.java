package uk.gov.digitalid.platformctl.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.rules.LabelSelectors;

/**
 * Which flows a namespace's NetworkPolicies allow, by Kubernetes' rules: a pod selected by no
 * policy of a direction is open in that direction; once selected it admits only what some rule of
 * some selecting policy admits; a connection needs both the sender's egress and the receiver's
 * ingress. A rule with no peers admits every peer and with no ports every port; a peer's
 * podSelector and namespaceSelector in one element must both match (AND), separate elements are
 * alternatives (OR); ipBlock matches addresses outside the cluster (with except); ports are
 * numbers (with endPort ranges) or names of the receiver's container ports, TCP unless said.
 * policyTypes default to Ingress, plus Egress when the policy has egress rules. Namespaces other
 * than the one checked are taken as open: their policies are not in this render.
 */
public final class Reachability {

    private final String namespace;
    private final List<Manifest> policies;
    private final Function<String, Map<String, String>> namespaceLabels;

    /** @param namespaceLabels labels of a namespace by name (kubernetes.io/metadata.name is always added) */
    public Reachability(String namespace, List<Manifest> networkPolicies, Function<String, Map<String, String>> namespaceLabels) {
        this.namespace = namespace;
        this.policies = networkPolicies;
        this.namespaceLabels = name -> {
            Map<String, String> labels = new HashMap<>(namespaceLabels.apply(name));
            labels.put("kubernetes.io/metadata.name", name);
            return labels;
        };
    }

    /**
     * Every allowed flow between distinct endpoints, to each named port of the receiver, where at
     * least one end is a pod of this namespace (the rest is other namespaces' business).
     */
    public SortedSet<Flow> allowedFlows(List<Endpoint> endpoints) {
        SortedSet<Flow> flows = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (from == to || !inNamespace(from) && !inNamespace(to)) {
                    continue;
                }
                for (Map.Entry<String, Endpoint.Port> port : to.ports().entrySet()) {
                    if (allows(from, to, port.getKey(), port.getValue())) {
                        flows.add(new Flow(from.name(), to.name(), port.getKey()));
                    }
                }
            }
        }
        return flows;
    }

    private boolean inNamespace(Endpoint endpoint) {
        return endpoint.ip() == null && endpoint.namespace().equals(namespace);
    }

    public boolean allows(Endpoint from, Endpoint to, String portName, Endpoint.Port port) {
        return direction(from, "Egress", "egress", "to", to, portName, port)
                && direction(to, "Ingress", "ingress", "from", from, portName, port);
    }

    /** Whether the policies that select {@code subject} for this direction let the traffic through. */
    private boolean direction(Endpoint subject, String type, String rulesField, String peersField, Endpoint peer, String portName,
                              Endpoint.Port port) {
        if (!inNamespace(subject)) {
            return true;
        }
        boolean isolated = false;
        for (Manifest policy : policies) {
            if (!selects(policy, subject) || !types(policy).contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : policy.list("spec", rulesField)) {
                if (peerMatches(rule, peersField, peer) && portMatches(rule, portName, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    @SuppressWarnings("unchecked")
    private static boolean selects(Manifest policy, Endpoint pod) {
        Map<String, Object> selector = (Map<String, Object>) policy.path("spec", "podSelector").orElse(Map.of());
        return LabelSelectors.selects(selector, pod.labels());
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Manifest policy) {
        Optional<Object> declared = policy.path("spec", "policyTypes");
        if (declared.isPresent()) {
            return (List<String>) declared.get();
        }
        return policy.path("spec", "egress").isPresent() ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    @SuppressWarnings("unchecked")
    private boolean peerMatches(Map<String, Object> rule, String peersField, Endpoint peer) {
        List<Map<String, Object>> peers = (List<Map<String, Object>>) rule.get(peersField);
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (Map<String, Object> element : peers) {
            if (element.get("ipBlock") instanceof Map<?, ?> block) {
                if (peer.ip() != null && inBlock(peer.ip(), (Map<String, Object>) block)) {
                    return true;
                }
                continue;
            }
            if (peer.ip() != null) {
                continue;
            }
            Map<String, Object> pods = (Map<String, Object>) element.get("podSelector");
            Map<String, Object> namespaces = (Map<String, Object>) element.get("namespaceSelector");
            boolean namespaceOk = namespaces == null ? peer.namespace().equals(namespace)
                    : LabelSelectors.selects(namespaces, namespaceLabels.apply(peer.namespace()));
            boolean podOk = pods == null || LabelSelectors.selects(pods, peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean portMatches(Map<String, Object> rule, String portName, Endpoint.Port port) {
        List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> allowed : ports) {
            String protocol = String.valueOf(allowed.getOrDefault("protocol", "TCP"));
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            Object value = allowed.get("port");
            if (value == null) {
                return true;
            }
            if (value instanceof Number number) {
                int end = allowed.get("endPort") instanceof Number e ? e.intValue() : number.intValue();
                if (port.number() >= number.intValue() && port.number() <= end) {
                    return true;
                }
            } else if (String.valueOf(value).equals(portName)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean inBlock(String ip, Map<String, Object> block) {
        if (!inCidr(ip, String.valueOf(block.get("cidr")))) {
            return false;
        }
        for (Object except : (List<Object>) block.getOrDefault("except", List.of())) {
            if (inCidr(ip, String.valueOf(except))) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] address = InetAddress.getByName(ip).getAddress();
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            if (address.length != network.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
            int shift = address.length * 8 - bits;
            BigInteger a = new BigInteger(1, address).shiftRight(shift);
            BigInteger n = new BigInteger(1, network).shiftRight(shift);
            return a.equals(n);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address or CIDR: " + ip + " / " + cidr, e);
        }
    }
}
