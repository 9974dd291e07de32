package uk.gov.digitalid.identitycore.credentials;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.identitycore.statuslist.StatusLists;

/**
 * Revokes a credential: sets its status bit (the {@code revoked_at} of its row), announces
 * {@code credential.revoked} through the outbox, and tells every instance to drop its cached bits.
 * Revoking twice changes nothing and announces nothing the second time.
 */
public class Revocations {

    /** When the credential was revoked, and whether this call did it. */
    public record Revocation(UUID credentialId, Instant revokedAt, boolean changed) {
    }

    private final CredentialRecords records;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final StatusLists statusLists;
    private final SyncPublisher sync;
    private final Clock clock;
    private final Counter revoked;

    public Revocations(CredentialRecords records, TransactionTemplate transactions, AuditEvents audit,
                       StatusLists statusLists, SyncPublisher sync, Clock clock, MeterRegistry meters) {
        this.records = records;
        this.transactions = transactions;
        this.audit = audit;
        this.statusLists = statusLists;
        this.sync = sync;
        this.clock = clock;
        this.revoked = Counter.builder("identity_core.credentials.revoked").description("Credentials revoked").register(meters);
    }

    public Revocation revoke(UUID credentialId) {
        Revocation revocation = transactions.execute(tx -> {
            CredentialRecord credential = records.findLockedById(credentialId).orElseThrow(CredentialNotFoundException::new);
            if (credential.revoked()) {
                return new Revocation(credentialId, credential.revokedAt(), false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            records.save(credential.revokedAt(now));
            String subject = credential.subjectId();
            audit.record(EventTypes.CREDENTIAL_REVOKED, subject,
                    Map.of("credentialId", credentialId.toString(), "subjectId", subject, "revokedAt", now.toString()));
            return new Revocation(credentialId, now, true);
        });
        if (revocation.changed()) {
            // After the commit, so no instance can reload the bits from before it.
            statusLists.invalidate();
            sync.publish(SyncMessage.CREDENTIAL_REVOKED, credentialId.toString());
            revoked.increment();
        }
        return revocation;
    }
}
