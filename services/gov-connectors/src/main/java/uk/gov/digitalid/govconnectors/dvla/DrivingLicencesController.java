package uk.gov.digitalid.govconnectors.dvla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.validation.DrivingLicenceNumber;

/** {@code POST /v1/dvla/driving-licences/verify}: is this a valid licence of this person? */
@RestController
class DrivingLicencesController {

    @LicenceNumberOfHolder
    record VerifyRequest(
            @NotBlank @DrivingLicenceNumber String licenceNumber,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}' .-]+", message = "must be letters, spaces, hyphens or apostrophes") String surname,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    private final LicenceChecks checks;

    DrivingLicencesController(LicenceChecks checks) {
        this.checks = checks;
    }

    @PostMapping("/v1/dvla/driving-licences/verify")
    LicenceChecks.Outcome verify(@Valid @RequestBody VerifyRequest request) {
        return checks.verify(request.licenceNumber(), request.surname().trim(), request.dateOfBirth());
    }
}
