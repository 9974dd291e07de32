package uk.gov.digitalid.govconnectors.dvla;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.digitalid.commons.security.PersonalData;
import uk.gov.digitalid.govconnectors.cache.AnswerCache;
import uk.gov.digitalid.govconnectors.dvla.DriverDataClient.DriverRecord;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamGuard;

/**
 * Checks a driving licence against DVLA's record: the licence must exist, belong to the surname and
 * birth date given, and be valid. When the person does not match, the licence's status is not
 * disclosed. Valid answers are cached; everything else is asked again next time.
 */
public class LicenceChecks {

    public record Outcome(boolean valid, String status, List<String> reasons) {
    }

    private static final Logger log = LoggerFactory.getLogger(LicenceChecks.class);

    private final DriverDataClient client;
    private final UpstreamGuard guard;
    private final AnswerCache cache;

    public LicenceChecks(DriverDataClient client, UpstreamGuard guard, AnswerCache cache) {
        this.client = client;
        this.guard = guard;
        this.cache = cache;
    }

    public Outcome verify(String licenceNumber, String surname, LocalDate dateOfBirth) {
        String[] cacheKey = {licenceNumber, surname.toUpperCase(Locale.ROOT), dateOfBirth.toString()};
        var cached = cache.get("dvla-licence", Outcome.class, cacheKey);
        if (cached.isPresent()) {
            log.info("DVLA licence {}: valid (cached)", PersonalData.maskLicenceNumber(licenceNumber));
            return cached.get();
        }
        Outcome outcome = guard.read(() -> client.retrieve(licenceNumber))
                .map(driver -> judge(driver, surname, dateOfBirth))
                .orElseGet(() -> new Outcome(false, "NOT_FOUND", List.of("licence-not-found")));
        log.info("DVLA licence {}: {}", PersonalData.maskLicenceNumber(licenceNumber), outcome.status());
        if (outcome.valid()) {
            cache.putPositive("dvla-licence", outcome, cacheKey);
        }
        return outcome;
    }

    private static Outcome judge(DriverRecord driver, String surname, LocalDate dateOfBirth) {
        if (!driver.lastName().equalsIgnoreCase(surname.trim()) || !driver.dateOfBirth().equals(dateOfBirth)) {
            return new Outcome(false, "UNKNOWN", List.of("details-do-not-match"));
        }
        String status = driver.licenceStatus().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
        return "VALID".equals(status) ? new Outcome(true, status, List.of())
                : new Outcome(false, status, List.of("licence-" + status.toLowerCase(Locale.ROOT).replace('_', '-')));
    }
}
