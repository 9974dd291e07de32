package uk.gov.digitalid.identitycore.credentials;

import java.time.Instant;
import java.util.UUID;

/** A signed credential as returned to the gateway: the compact JWS and where its status lives. */
public record IssuedCredential(UUID id, String credential, String kid, String statusListCredential, int statusListIndex,
                               Instant issuedAt, Instant expiresAt) {
}
