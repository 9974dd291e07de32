package uk.gov.digitalid.identitycore.credentials;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What identity-core remembers of a credential it issued: never the token, only its SHA-256.
 * Rows are inserted by {@link CredentialIssuer} (claiming a status entry) and never deleted, so a
 * status list entry is never handed out twice.
 */
@Table("credentials")
public record CredentialRecord(@Id UUID id, String subjectId, String kid, long statusListId, int statusIndex,
                               Instant issuedAt, Instant expiresAt, String tokenSha256, Instant revokedAt)
        implements Persistable<UUID> {

    public boolean revoked() {
        return revokedAt != null;
    }

    CredentialRecord revokedAt(Instant when) {
        return new CredentialRecord(id, subjectId, kid, statusListId, statusIndex, issuedAt, expiresAt, tokenSha256, when);
    }

    @Override
    @JsonIgnore
    public UUID getId() {
        return id;
    }

    /** Rows are created by the issuer's claiming insert; through the repository they are only read and updated. */
    @Override
    @Transient
    @JsonIgnore
    public boolean isNew() {
        return false;
    }
}
