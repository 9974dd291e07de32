package uk.gov.digitalid.fraud.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;

/**
 * Scores events: records them in the sliding windows, fires the rules whose thresholds are reached,
 * asks the model, and takes the higher of the strongest rule's score and the model's probability.
 */
@Component
public class RiskScorer {

    public record FiredRule(Rule rule, Signal signal, String entity, long count, double score) {

        /** Whose risk this is: an account id, {@code ip:<address>} or {@code relying-party:<client>}. */
        public String subject() {
            return signal.entityKind().equals("account") ? entity : signal.entityKind() + ":" + entity;
        }
    }

    public record Assessment(CanonicalEvent event, double score, double modelScore, List<FiredRule> fired, Map<Signal, Long> counts) {

        public Optional<FiredRule> strongest() {
            return fired.stream().max(Comparator.comparingDouble(FiredRule::score));
        }
    }

    private final RiskWindows windows;
    private final RuleSettings rules;
    private final FraudModel model;

    RiskScorer(RiskWindows windows, RuleSettings rules, FraudModel model) {
        this.windows = windows;
        this.rules = rules;
        this.model = model;
    }

    public List<Assessment> score(List<CanonicalEvent> events) {
        List<List<Observation>> perEvent = new ArrayList<>(events.size());
        List<Observation> all = new ArrayList<>();
        for (CanonicalEvent event : events) {
            List<Observation> observations = EventSignals.of(event);
            perEvent.add(observations);
            all.addAll(observations);
        }
        List<Long> counts = windows.record(all);
        List<Assessment> assessments = new ArrayList<>(events.size());
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            Map<Signal, Long> eventCounts = new EnumMap<>(Signal.class);
            List<FiredRule> fired = new ArrayList<>();
            for (Observation observation : perEvent.get(i)) {
                long count = counts.get(next++);
                eventCounts.put(observation.signal(), count);
                for (Rule rule : Rule.values()) {
                    RuleSettings.Threshold threshold = rules.of(rule);
                    if (rule.signal() == observation.signal() && count >= threshold.threshold()) {
                        fired.add(new FiredRule(rule, observation.signal(), observation.entity(), count, threshold.score()));
                    }
                }
            }
            CanonicalEvent event = events.get(i);
            double modelScore = eventCounts.isEmpty() ? 0 : model.probabilityOfFraud(RiskFeatures.of(event.type(), eventCounts));
            double ruleScore = fired.stream().mapToDouble(FiredRule::score).max().orElse(0);
            assessments.add(new Assessment(event, Math.max(ruleScore, modelScore), modelScore, fired, eventCounts));
        }
        return assessments;
    }
}
