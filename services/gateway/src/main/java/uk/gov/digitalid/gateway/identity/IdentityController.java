package uk.gov.digitalid.gateway.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.validation.DrivingLicenceNumber;
import uk.gov.digitalid.commons.validation.NationalInsuranceNumber;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;
import uk.gov.digitalid.gateway.sessions.Session;
import uk.gov.digitalid.gateway.sessions.SessionAuthentication;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient.HmrcMatchRequest;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient.LicenceRequest;

@RestController
class IdentityController {

    private static final String NAME = "[\\p{L}\\p{M}' .-]+";

    record HmrcDetails(
            @NotBlank @NationalInsuranceNumber String nino,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String givenName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String familyName,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    record LicenceDetails(
            @NotBlank @DrivingLicenceNumber String licenceNumber,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String surname,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    record VerificationRequest(@Valid HmrcDetails hmrc, @Valid LicenceDetails drivingLicence) {

        @AssertTrue(message = "give HMRC details, driving licence details or both")
        boolean isAnyDetails() {
            return hmrc != null || drivingLicence != null;
        }
    }

    private final IdentityVerifications verifications;
    private final RateLimits limits;
    private final long perAccountPerMinute;

    IdentityController(IdentityVerifications verifications, RateLimits limits,
                       @Value("${gateway.rate-limits.verifications-per-account}") long perAccountPerMinute) {
        this.verifications = verifications;
        this.limits = limits;
        this.perAccountPerMinute = perAccountPerMinute;
    }

    @PostMapping("/api/v1/identity/verifications")
    ResponseEntity<IdentityVerifications.Verification> verify(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session,
                                                              @Valid @RequestBody VerificationRequest request, HttpServletRequest http) {
        limits.consume("identity-verifications", session.accountId().toString(), perAccountPerMinute);
        HmrcDetails hmrc = request.hmrc();
        LicenceDetails licence = request.drivingLicence();
        var verification = verifications.verify(session.accountId(),
                hmrc == null ? null : new HmrcMatchRequest(hmrc.nino(), hmrc.givenName().trim(), hmrc.familyName().trim(), hmrc.dateOfBirth()),
                licence == null ? null : new LicenceRequest(licence.licenceNumber(), licence.surname().trim(), licence.dateOfBirth()),
                http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(verification);
    }

    @GetMapping("/api/v1/identity/verifications/latest")
    IdentityVerifications.Verification latest(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session) {
        return verifications.latest(session.accountId()).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "You have not proved your identity yet."), null));
    }
}
