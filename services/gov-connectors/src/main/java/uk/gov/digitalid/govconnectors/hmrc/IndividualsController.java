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

    /** The gateway's name rule: letters of any script, marks, spaces, hyphens, apostrophes, full stops. */
    static final String NAME = "[\\p{L}\\p{M}' .-]{1,100}";

    record MatchRequest(
            @NotBlank @NationalInsuranceNumber String nino,
            @NotBlank @Pattern(regexp = NAME, message = "must be letters, spaces, hyphens or apostrophes") @HmrcWritable String givenName,
            @NotBlank @Pattern(regexp = NAME, message = "must be letters, spaces, hyphens or apostrophes") @HmrcWritable String familyName,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    private final IndividualMatching matching;

    IndividualsController(IndividualMatching matching) {
        this.matching = matching;
    }

    @PostMapping("/v1/hmrc/individuals/match")
    IndividualMatching.Outcome match(@Valid @RequestBody MatchRequest request) {
        return matching.match(new Individual(HmrcNames.of(request.givenName()).orElseThrow(), HmrcNames.of(request.familyName()).orElseThrow(),
                request.nino(), request.dateOfBirth()));
    }
}
