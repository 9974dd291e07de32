package uk.gov.digitalid.gateway.sessions;

import java.time.Instant;
import java.util.UUID;

/** A signed-in citizen's session, as the hot path (Redis) keeps it; the token itself is never stored. */
public record Session(UUID sessionId, UUID accountId, Instant createdAt, Instant expiresAt) {
}
