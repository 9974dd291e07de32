package uk.gov.digitalid.govconnectors.hmrc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.validation.NationalInsuranceNumber;
import uk.gov.digitalid.govconnectors.hmrc.IndividualsMatchingClient.Individual;

/** {@code POST /v1/hmrc/individuals/match}: does HMRC know this person by these details? */
@RestController
class IndividualsController {

    /** HMRC's documented name pattern for the matching API. */
    static final String HMRC_NAME = "[a-zA-Z &`\\-'^]{1,35}";

    record MatchRequest(
            @NotBlank @NationalInsuranceNumber String nino,
            @NotBlank @Pattern(regexp = HMRC_NAME, message = "must be 1 to 35 letters, spaces, hyphens or apostrophes") String givenName,
            @NotBlank @Pattern(regexp = HMRC_NAME, message = "must be 1 to 35 letters, spaces, hyphens or apostrophes") String familyName,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    private final IndividualMatching matching;

    IndividualsController(IndividualMatching matching) {
        this.matching = matching;
    }

    @PostMapping("/v1/hmrc/individuals/match")
    IndividualMatching.Outcome match(@Valid @RequestBody MatchRequest request) {
        return matching.match(new Individual(request.givenName().trim(), request.familyName().trim(), request.nino(), request.dateOfBirth()));
    }
}
