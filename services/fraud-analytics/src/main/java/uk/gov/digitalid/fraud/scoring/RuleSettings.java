package uk.gov.digitalid.fraud.scoring;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fraud.rules.<rule-id>: {threshold, window, score}}: a rule fires when its signal's count in
 * the window reaches the threshold, scoring the event at least {@code score}.
 */
@ConfigurationProperties("fraud")
public class RuleSettings {

    public record Threshold(long threshold, Duration window, double score) {
    }

    private Map<String, Threshold> rules = Map.of();
    private Map<Signal, Duration> windows;

    public Map<String, Threshold> getRules() {
        return rules;
    }

    public void setRules(Map<String, Threshold> rules) {
        this.rules = rules;
        this.windows = null;
    }

    public Threshold of(Rule rule) {
        Threshold threshold = rules.get(rule.id());
        if (threshold == null) {
            throw new IllegalStateException("fraud.rules." + rule.id() + " is not configured");
        }
        return threshold;
    }

    /** A signal's window: the longest of its rules' (worked out once; asked for every observation). */
    public Duration windowOf(Signal signal) {
        Map<Signal, Duration> known = windows;
        if (known == null) {
            known = new EnumMap<>(Signal.class);
            for (Rule rule : Rule.values()) {
                known.merge(rule.signal(), of(rule).window(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            windows = known;
        }
        return known.get(signal);
    }
}
