package uk.gov.digitalid.identitycore.credentials;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for the gateway: issue, verify and revoke credentials. */
@RestController
@RequestMapping("/v1/credentials")
class CredentialsController {

    record VerifyRequest(@NotBlank @Size(max = 16_384) String credential) {
    }

    private final CredentialIssuer issuer;
    private final CredentialVerifier verifier;
    private final Revocations revocations;
    private final CredentialRecords records;

    CredentialsController(CredentialIssuer issuer, CredentialVerifier verifier, Revocations revocations, CredentialRecords records) {
        this.issuer = issuer;
        this.verifier = verifier;
        this.revocations = revocations;
        this.records = records;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedCredential issue(@Valid @RequestBody CredentialRequest request) {
        return issuer.issue(request);
    }

    @PostMapping("/verify")
    VerificationResult verify(@Valid @RequestBody VerifyRequest request) {
        return verifier.verify(request.credential());
    }

    /** A subject's credentials, newest first: what the gateway shows a citizen. */
    @GetMapping
    List<CredentialRecord> list(@RequestParam @NotBlank @Size(max = 100) String subjectId) {
        return records.findBySubjectIdOrderByIssuedAtDesc(subjectId);
    }

    /** What identity-core recorded of a credential: status entry, times, revocation; never the token. */
    @GetMapping("/{id}")
    CredentialRecord get(@PathVariable UUID id) {
        return records.findById(id).orElseThrow(CredentialNotFoundException::new);
    }

    @PostMapping("/{id}/revocation")
    Revocations.Revocation revoke(@PathVariable UUID id) {
        return revocations.revoke(id);
    }
}
