package uk.gov.digitalid.platformctl.verify;

import java.util.List;
import java.util.Map;

/** What verify found in one environment, and how long each step took. */
public record Verification(String env, int objects, List<Problem> problems, Map<String, Long> millis) {

    /** One finding: its check (policy, rule or network), the rule or policy, the object, the message, the file. */
    public record Problem(String check, String rule, String object, String message, String file) {
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
