package uk.gov.digitalid.govsandbox.hmrc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.govsandbox.faults.Faults;
import uk.gov.digitalid.govsandbox.faults.Upstream;
import uk.gov.digitalid.govsandbox.identities.TestIdentities;
import uk.gov.digitalid.govsandbox.identities.TestIdentities.Individual;

/**
 * HMRC Individuals Matching API 2.0, {@code POST /individuals/matching/}: bearer token, {@code Accept:
 * application/vnd.hmrc.2.0+json}, a {@code CorrelationId} UUID header, and HMRC's documented match
 * criteria (first name: first character; last name: first three characters; NINO and birth date
 * exact). A match answers 200 with a link to the matched individual; otherwise 404 MATCHING_FAILED.
 */
@RestController
class IndividualsMatchingEndpoint {

    private static final Pattern UUID_PATTERN = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z &`\\-'^]{1,35}$");

    private final HmrcTokenEndpoint tokens;
    private final Faults faults;

    IndividualsMatchingEndpoint(HmrcTokenEndpoint tokens, Faults faults) {
        this.tokens = tokens;
        this.faults = faults;
    }

    @PostMapping("/individuals/matching/")
    ResponseEntity<Object> match(@RequestHeader(name = "Authorization", required = false) String authorization,
                                 @RequestHeader(name = "Accept", required = false) String accept,
                                 @RequestHeader(name = "CorrelationId", required = false) String correlationId,
                                 @RequestBody(required = false) Map<String, Object> body) throws InterruptedException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return HmrcErrors.error(401, "MISSING_CREDENTIALS", "Authentication information is not provided");
        }
        if (!tokens.isValid(authorization.substring(7).trim())) {
            return HmrcErrors.error(401, "INVALID_CREDENTIALS", "Invalid Authentication information provided");
        }
        if (accept == null || !accept.contains("application/vnd.hmrc.2.0+json")) {
            return HmrcErrors.error(406, "ACCEPT_HEADER_INVALID", "The accept header is missing or invalid");
        }
        Optional<Integer> fault = faults.onCall(Upstream.HMRC_MATCHING);
        if (fault.isPresent()) {
            return HmrcErrors.forStatus(fault.get());
        }
        if (correlationId == null || !UUID_PATTERN.matcher(correlationId).matches()) {
            return HmrcErrors.error(400, "INVALID_REQUEST", "CorrelationId is required and must be a UUID");
        }
        Optional<String> invalid = invalidField(body);
        if (invalid.isPresent()) {
            return HmrcErrors.error(400, "INVALID_REQUEST", invalid.get());
        }
        Optional<Individual> individual = TestIdentities.individual((String) body.get("nino"));
        if (individual.isPresent()) {
            switch (individual.get().behaviour()) {
                case THROTTLED -> {
                    return HmrcErrors.forStatus(429);
                }
                case SERVER_ERROR -> {
                    return HmrcErrors.forStatus(500);
                }
                case MATCH_WHEN_DETAILS_AGREE -> {
                    if (matches(individual.get(), body)) {
                        String href = "/individuals/matching/" + UUID.randomUUID();
                        return ResponseEntity.ok(Map.of("_links", Map.of(
                                "individual", Map.of("href", href, "name", "GET", "title", "Get a matched individual’s information"),
                                "self", Map.of("href", "/individuals/matching/"))));
                    }
                }
            }
        }
        return HmrcErrors.forStatus(404);
    }

    private static Optional<String> invalidField(Map<String, Object> body) {
        if (body == null) {
            return Optional.of("Request body is required");
        }
        for (String name : new String[] {"firstName", "lastName"}) {
            if (!(body.get(name) instanceof String value) || !NAME.matcher(value).matches()) {
                return Optional.of(name + " is invalid");
            }
        }
        if (!(body.get("nino") instanceof String nino) || !nino.matches("^[A-Z]{2}[0-9]{6}[A-D]$")) {
            return Optional.of("nino is invalid");
        }
        try {
            LocalDate.parse(String.valueOf(body.get("dateOfBirth")));
        } catch (DateTimeParseException e) {
            return Optional.of("dateOfBirth is invalid");
        }
        return Optional.empty();
    }

    private static boolean matches(Individual individual, Map<String, Object> body) {
        String firstName = ((String) body.get("firstName")).toUpperCase(Locale.ROOT);
        String lastName = ((String) body.get("lastName")).toUpperCase(Locale.ROOT);
        String knownLast = individual.lastName().toUpperCase(Locale.ROOT);
        return firstName.charAt(0) == individual.firstName().toUpperCase(Locale.ROOT).charAt(0)
                && lastName.length() >= Math.min(3, knownLast.length())
                && lastName.startsWith(knownLast.substring(0, Math.min(3, knownLast.length())))
                && LocalDate.parse(String.valueOf(body.get("dateOfBirth"))).equals(individual.dateOfBirth());
    }
}
