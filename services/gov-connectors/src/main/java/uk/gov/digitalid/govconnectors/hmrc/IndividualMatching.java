package uk.gov.digitalid.govconnectors.hmrc;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.digitalid.commons.security.PersonalData;
import uk.gov.digitalid.govconnectors.cache.AnswerCache;
import uk.gov.digitalid.govconnectors.hmrc.IndividualsMatchingClient.Individual;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuard;

/**
 * Matches an individual against HMRC: a cached positive answer first, else one guarded call. The
 * match POST creates a match resource upstream, so it is never retried.
 */
public class IndividualMatching {

    public record Outcome(boolean matched, List<String> reasons) {
    }

    private static final Logger log = LoggerFactory.getLogger(IndividualMatching.class);

    private final IndividualsMatchingClient client;
    private final UpstreamGuard guard;
    private final AnswerCache cache;

    public IndividualMatching(IndividualsMatchingClient client, UpstreamGuard guard, AnswerCache cache) {
        this.client = client;
        this.guard = guard;
        this.cache = cache;
    }

    public Outcome match(Individual individual) {
        String[] cacheKey = {individual.nino(), individual.firstName().toUpperCase(Locale.ROOT),
                individual.lastName().toUpperCase(Locale.ROOT), individual.dateOfBirth().toString()};
        var cached = cache.get("hmrc-match", Outcome.class, cacheKey);
        if (cached.isPresent()) {
            log.info("HMRC match for {}: matched (cached)", PersonalData.maskNino(individual.nino()));
            return cached.get();
        }
        boolean matched = guard.call(() -> client.matches(individual));
        log.info("HMRC match for {}: {}", PersonalData.maskNino(individual.nino()), matched ? "matched" : "not matched");
        if (!matched) {
            return new Outcome(false, List.of("matching-failed"));
        }
        Outcome outcome = new Outcome(true, List.of());
        cache.putPositive("hmrc-match", outcome, cacheKey);
        return outcome;
    }
}
