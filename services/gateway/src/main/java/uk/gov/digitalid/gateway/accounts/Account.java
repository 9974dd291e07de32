package uk.gov.digitalid.gateway.accounts;

import java.time.Instant;
import java.util.UUID;

/** A citizen's account; the password hash never leaves the accounts package. */
public record Account(UUID id, String email, String givenName, String familyName, String status, Instant lockedUntil,
                      Instant createdAt) {

    /** Locked now: by an operator (no end) or temporarily after failed sign-ins. */
    public boolean lockedAt(Instant now) {
        return "LOCKED".equals(status) && (lockedUntil == null || lockedUntil.isAfter(now));
    }
}
