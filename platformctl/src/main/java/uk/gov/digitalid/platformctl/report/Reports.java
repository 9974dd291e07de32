package uk.gov.digitalid.platformctl.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.platformctl.verify.Verification;

/** verify's results as text for people (a summary per environment, then each finding), JSON, JUnit XML or SARIF for CI. */
public final class Reports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Reports() {
    }

    public static String text(List<Verification> results, boolean colour) {
        Ansi ansi = new Ansi(colour);
        StringBuilder out = new StringBuilder();
        for (Verification v : results) {
            Map<String, Long> byCheck = v.problems().stream().collect(Collectors.groupingBy(Verification.Problem::check, LinkedHashMap::new,
                    Collectors.counting()));
            String status = v.passed() ? ansi.green("PASS") : ansi.red("FAIL");
            out.append(status).append(' ').append(ansi.bold(v.env())).append(": ").append(v.objects()).append(" objects, ")
                    .append(count(byCheck, "policy")).append(" policy, ").append(count(byCheck, "rule")).append(" rule, ")
                    .append(count(byCheck, "network")).append(" network findings")
                    .append(ansi.dim("  (render " + v.millis().get("render") + " ms, policies " + v.millis().get("policies")
                            + " ms, rules " + v.millis().get("rules") + " ms, network " + v.millis().get("network") + " ms)"))
                    .append('\n');
        }
        for (Verification v : results) {
            for (Verification.Problem p : v.problems()) {
                out.append('\n').append(ansi.red("✗ ")).append(ansi.bold(v.env() + " " + p.check() + "/" + p.rule())).append("  ").append(p.object())
                        .append('\n').append("    ").append(p.message()).append('\n');
                if (!p.file().isEmpty()) {
                    out.append("    ").append(ansi.dim(p.file())).append('\n');
                }
            }
        }
        return out.toString();
    }

    public static String json(List<Verification> results) {
        List<Map<String, Object>> envs = new ArrayList<>();
        for (Verification v : results) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("env", v.env());
            env.put("passed", v.passed());
            env.put("objects", v.objects());
            env.put("millis", v.millis());
            env.put("findings", v.problems());
            envs.add(env);
        }
        return JSON.writeValueAsString(Map.of("passed", results.stream().allMatch(Verification::passed), "environments", envs)) + "\n";
    }

    public static String junit(List<Verification> results) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"platformctl verify\">\n");
        for (Verification v : results) {
            xml.append("  <testsuite name=\"").append(escape(v.env())).append("\" tests=\"").append(Math.max(1, v.problems().size()))
                    .append("\" failures=\"").append(v.problems().size()).append("\">\n");
            if (v.passed()) {
                xml.append("    <testcase classname=\"").append(escape(v.env())).append("\" name=\"verify\"/>\n");
            }
            for (Verification.Problem p : v.problems()) {
                xml.append("    <testcase classname=\"").append(escape(v.env() + "." + p.check())).append("\" name=\"")
                        .append(escape(p.rule() + " " + p.object())).append("\" file=\"").append(escape(p.file())).append("\">\n")
                        .append("      <failure message=\"").append(escape(p.message())).append("\"/>\n    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    /** SARIF 2.1.0, one run, one result per finding with its file as the location. */
    public static String sarif(List<Verification> results) {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        List<Map<String, Object>> found = new ArrayList<>();
        for (Verification v : results) {
            for (Verification.Problem p : v.problems()) {
                String id = p.check() + "/" + p.rule();
                rules.putIfAbsent(id, Map.of("id", id, "shortDescription", Map.of("text", id)));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", id);
                result.put("level", "error");
                result.put("message", Map.of("text", v.env() + ": " + p.object() + ": " + p.message()));
                if (!p.file().isEmpty()) {
                    result.put("locations", List.of(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", p.file())))));
                }
                found.add(result);
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", Map.of("name", "platformctl", "informationUri",
                "https://github.com/digital-id-platform/digital-id-platform", "rules", List.copyOf(rules.values()))));
        run.put("results", found);
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return JSON.writeValueAsString(sarif) + "\n";
    }

    private static long count(Map<String, Long> byCheck, String check) {
        return byCheck.getOrDefault(check, 0L);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
