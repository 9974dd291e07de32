package uk.gov.digitalid.identitycore.credentials;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What the gateway asks identity-core to sign after a successful identity check.
 *
 * @param subjectId the citizen's account id (the JWT {@code sub})
 * @param validity  how long the credential is valid, ISO-8601 (e.g. {@code P180D})
 */
public record CredentialRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String subjectId,
        @NotNull @Valid Claims claims,
        @NotNull @Valid Evidence evidence,
        @NotNull Duration validity) {

    /** The verified claims, shaped as GOV.UK One Login's identity credential subject. */
    public record Claims(
            @NotEmpty @Size(max = 5) List<@Valid Name> names,
            @NotNull @Past LocalDate birthDate,
            @Size(max = 5) List<@Valid Address> addresses) {
    }

    public record Name(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName) {
    }

    public record Address(
            @Size(max = 100) String buildingNumber,
            @Size(max = 100) String buildingName,
            @Size(max = 200) String streetName,
            @NotBlank @Size(max = 100) String addressLocality,
            @NotBlank @Pattern(regexp = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode") String postalCode,
            @Size(min = 2, max = 2) String addressCountry) {
    }

    /**
     * GPG 45-style scores: strength and validity of the evidence (0–4), how well the person was
     * matched to it (0–4), their activity history (0–4) and identity fraud checks (0–3).
     */
    public record Evidence(
            @NotBlank @Size(max = 100) String txn,
            @Min(0) @Max(4) int strengthScore,
            @Min(0) @Max(4) int validityScore,
            @Min(0) @Max(4) int verificationScore,
            @Min(0) @Max(4) int activityHistoryScore,
            @Min(0) @Max(3) int identityFraudScore,
            @Size(max = 10) List<@Valid CheckDetail> checkDetails) {
    }

    /** One check behind the scores, e.g. {@code {checkMethod: "data", dataCheck: "record_check"}}. */
    public record CheckDetail(@NotBlank @Size(max = 50) String checkMethod, @Size(max = 50) String dataCheck,
                              @Size(max = 50) String identityCheckPolicy) {
    }
}
