package uk.gov.digitalid.fraud.scoring;

import java.time.Instant;

/**
 * One event's contribution to one window: the signal, whose it is (account, address, relying party),
 * when, and for distinct counts the member counted (an account id).
 */
public record Observation(Signal signal, String entity, Instant at, String member) {
}
