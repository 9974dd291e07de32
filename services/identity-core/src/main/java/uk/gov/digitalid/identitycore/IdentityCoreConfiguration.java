package uk.gov.digitalid.identitycore;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.identitycore.credentials.CredentialIssuer;
import uk.gov.digitalid.identitycore.credentials.CredentialRecords;
import uk.gov.digitalid.identitycore.credentials.CredentialVerifier;
import uk.gov.digitalid.identitycore.credentials.Revocations;
import uk.gov.digitalid.identitycore.keys.SigningKeyProperties;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.identitycore.statuslist.StatusListCredentials;
import uk.gov.digitalid.identitycore.statuslist.StatusLists;

@Configuration(proxyBeanMethods = false)
class IdentityCoreConfiguration {

    /** Profiles in which a missing signing key may be generated; anywhere else the service will not start without one. */
    static final String KEY_GENERATING_PROFILES = "dev | local";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(SigningKeyProperties properties, IssuerProperties issuer, Environment environment,
                            JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        SigningKeys keys = new SigningKeys(properties, environment.matchesProfiles(KEY_GENERATING_PROFILES),
                issuer.maxValidity(), jdbc, transactions, clock);
        keys.load();
        return keys;
    }

    @Bean
    StatusLists statusLists(JdbcClient jdbc, TransactionTemplate transactions,
                            @Value("${identity-core.status-lists.size:131072}") int size) {
        return new StatusLists(jdbc, transactions, size);
    }

    @Bean
    StatusListCredentials statusListCredentials(StatusLists lists, SigningKeys keys, IssuerProperties issuer, Clock clock) {
        return new StatusListCredentials(lists, keys, issuer, clock);
    }

    @Bean
    CredentialIssuer credentialIssuer(SigningKeys keys, StatusLists lists, IssuerProperties issuer, JdbcClient jdbc,
                                      TransactionTemplate transactions, AuditEvents audit,
                                      JsonMapper json, Clock clock, MeterRegistry meters) {
        return new CredentialIssuer(keys, lists, issuer, jdbc, transactions, audit, json, clock, meters);
    }

    @Bean
    CredentialVerifier credentialVerifier(SigningKeys keys, StatusLists lists, IssuerProperties issuer, Clock clock,
                                          MeterRegistry meters) {
        return new CredentialVerifier(keys, lists, issuer, clock, meters);
    }

    @Bean
    Revocations revocations(CredentialRecords records, TransactionTemplate transactions, AuditEvents audit,
                            StatusLists lists, SyncPublisher sync, Clock clock, MeterRegistry meters) {
        return new Revocations(records, transactions, audit, lists, sync, clock, meters);
    }

    /** Another instance rotated keys or revoked a credential: drop what this one cached. */
    @Bean
    SyncHandler syncHandler(SigningKeys keys, StatusLists lists) {
        return new SyncHandler(keys, lists);
    }

    record SyncHandler(SigningKeys keys, StatusLists lists) {

        @EventListener
        void on(SyncMessage message) {
            if (message.is(SyncMessage.SIGNING_KEYS_ROTATED)) {
                keys.reloadAfterRotation();
            } else if (message.is(SyncMessage.CREDENTIAL_REVOKED)) {
                lists.invalidate();
            }
        }
    }
}
