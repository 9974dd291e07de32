package uk.gov.digitalid.platformctl.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.gov.digitalid.platformctl.manifests.Manifest;
import uk.gov.digitalid.platformctl.manifests.Manifests;

/**
 * What differs between two environments' rendered objects, namespaces aside: objects only in one,
 * objects that differ, and the differences people ask about first — images, HPA bounds, data tier
 * sizes and configuration values.
 */
public final class EnvironmentDiff {

    /** One line of the diff: a section (objects, images, scaling, config), a subject and the two sides. */
    public record Line(String section, String subject, String left, String right) {
    }

    private EnvironmentDiff() {
    }

    public static List<Line> between(Manifests left, String leftNamespace, Manifests right, String rightNamespace) {
        Map<String, Manifest> a = byKey(left);
        Map<String, Manifest> b = byKey(right);
        List<Line> lines = new ArrayList<>();
        for (String key : new TreeSet<>(a.keySet())) {
            if (!b.containsKey(key)) {
                lines.add(new Line("objects", key, "present", "absent"));
            }
        }
        for (String key : new TreeSet<>(b.keySet())) {
            if (!a.containsKey(key)) {
                lines.add(new Line("objects", key, "absent", "present"));
            }
        }
        for (String key : new TreeSet<>(a.keySet())) {
            Manifest x = a.get(key);
            Manifest y = b.get(key);
            if (y == null || key.startsWith("Namespace/")) {
                continue;
            }
            Object bodyA = normalise(x.body());
            Object bodyB = normalise(y.body());
            if (!Objects.equals(bodyA, bodyB)) {
                lines.add(new Line("objects", key, "changed", "changed"));
            }
            details(x, y, lines);
        }
        return lines;
    }

    private static void details(Manifest x, Manifest y, List<Line> lines) {
        if (List.of("Rollout", "Deployment", "StatefulSet").contains(x.kind())) {
            Map<String, String> ia = images(x);
            Map<String, String> ib = images(y);
            for (String container : new TreeSet<>(ia.keySet())) {
                if (!Objects.equals(ia.get(container), ib.get(container))) {
                    lines.add(new Line("images", x.name() + "/" + container, ia.get(container), String.valueOf(ib.get(container))));
                }
            }
        }
        if (x.kind().equals("HorizontalPodAutoscaler")) {
            String ba = x.integer("spec", "minReplicas").orElse(1) + "-" + x.integer("spec", "maxReplicas").orElse(0);
            String bb = y.integer("spec", "minReplicas").orElse(1) + "-" + y.integer("spec", "maxReplicas").orElse(0);
            if (!ba.equals(bb)) {
                lines.add(new Line("scaling", "HPA " + x.name(), ba, bb));
            }
        }
        for (String[] size : List.of(new String[] {"KafkaNodePool", "spec", "replicas"}, new String[] {"Cluster", "spec", "instances"},
                new String[] {"Pooler", "spec", "instances"})) {
            if (x.kind().equals(size[0])) {
                String sa = x.text(size[1], size[2]).orElse("-");
                String sb = y.text(size[1], size[2]).orElse("-");
                if (!sa.equals(sb)) {
                    lines.add(new Line("scaling", x.kind() + " " + x.name(), sa, sb));
                }
            }
        }
        if (x.kind().equals("ConfigMap") && !x.labels().containsKey("grafana_dashboard")) {
            Map<String, String> da = Manifest.stringMap(x.path("data"));
            Map<String, String> db = Manifest.stringMap(y.path("data"));
            TreeSet<String> keys = new TreeSet<>(da.keySet());
            keys.addAll(db.keySet());
            for (String k : keys) {
                if (!Objects.equals(da.get(k), db.get(k))) {
                    lines.add(new Line("config", x.name() + "." + k, String.valueOf(da.get(k)), String.valueOf(db.get(k))));
                }
            }
        }
    }

    public static String text(String left, String right, List<Line> lines, boolean markdown) {
        StringBuilder out = new StringBuilder();
        Map<String, List<Line>> bySection = new LinkedHashMap<>();
        for (String section : List.of("images", "scaling", "config", "objects")) {
            bySection.put(section, new ArrayList<>());
        }
        lines.forEach(l -> bySection.get(l.section()).add(l));
        if (markdown) {
            out.append("### ").append(left).append(" → ").append(right).append("\n\n");
        }
        bySection.forEach((section, sectionLines) -> {
            if (sectionLines.isEmpty()) {
                return;
            }
            if (markdown) {
                out.append("**").append(section).append("**\n\n| | ").append(left).append(" | ").append(right).append(" |\n| --- | --- | --- |\n");
                sectionLines.forEach(l -> out.append("| `").append(l.subject()).append("` | ").append(l.left()).append(" | ").append(l.right()).append(" |\n"));
                out.append('\n');
            } else {
                out.append(section).append(":\n");
                sectionLines.forEach(l -> out.append("  ").append(l.subject()).append(": ").append(l.left()).append(" → ").append(l.right()).append('\n'));
            }
        });
        if (lines.isEmpty()) {
            out.append("no differences\n");
        }
        return out.toString();
    }

    private static Map<String, Manifest> byKey(Manifests manifests) {
        Map<String, Manifest> map = new TreeMap<>();
        manifests.all().forEach(m -> map.put(m.kind().equals("Namespace") ? "Namespace/" : m.kind() + "/" + m.name(), m));
        return map;
    }

    private static Map<String, String> images(Manifest workload) {
        Map<String, String> images = new TreeMap<>();
        workload.list("spec", "template", "spec", "containers").forEach(c -> images.put(String.valueOf(c.get("name")), String.valueOf(c.get("image"))));
        return images;
    }

    /** The body without its namespace fields, so two environments compare on substance. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!"namespace".equals(k)) {
                    copy.put(String.valueOf(k), normalise(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(normalise(v)));
            return copy;
        }
        return value;
    }
}
