package uk.gov.digitalid.gateway.admin;

import java.time.Instant;
import java.util.UUID;

/** A signed-in operator's session (Redis only; the token itself is never stored). */
public record OperatorSession(UUID sessionId, UUID operatorId, String email, String role, Instant createdAt, Instant expiresAt) {
}
