package uk.gov.digitalid.gateway;

import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.gateway.accounts.Accounts;
import uk.gov.digitalid.gateway.accounts.Credentials;
import uk.gov.digitalid.gateway.accounts.PasswordHasher;
import uk.gov.digitalid.gateway.accounts.PasswordPolicy;
import uk.gov.digitalid.gateway.accounts.Registration;
import uk.gov.digitalid.gateway.identity.IdentityVerifications;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;
import uk.gov.digitalid.gateway.relyingparties.ApiClientCommand;
import uk.gov.digitalid.gateway.relyingparties.ApiClients;
import uk.gov.digitalid.gateway.sessions.SessionProperties;
import uk.gov.digitalid.gateway.sessions.SessionStore;
import uk.gov.digitalid.gateway.sessions.SignIn;
import uk.gov.digitalid.gateway.sessions.SignInProperties;
import uk.gov.digitalid.gateway.sessions.SignInThrottle;
import uk.gov.digitalid.gateway.upstreams.FraudAnalyticsClient;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient;
import uk.gov.digitalid.gateway.upstreams.IdentityCoreClient;
import uk.gov.digitalid.gateway.upstreams.UpstreamProperties;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SessionStore sessionStore(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json, SessionProperties sessions, Clock clock) {
        return new SessionStore(redis, jdbc, json, sessions, clock);
    }

    @Bean
    Accounts accounts(JdbcClient jdbc) {
        return new Accounts(jdbc);
    }

    @Bean
    PasswordHasher passwordHasher(@Value("${gateway.passwords.memory-kib}") int memoryKib,
                                  @Value("${gateway.passwords.iterations}") int iterations,
                                  @Value("${gateway.passwords.parallelism}") int parallelism) {
        return new PasswordHasher(memoryKib, iterations, parallelism);
    }

    @Bean
    Registration registration(Accounts accounts, PasswordHasher hasher, TransactionTemplate transactions, AuditEvents audit, Clock clock) {
        return new Registration(accounts, new PasswordPolicy(), hasher, transactions, audit, clock);
    }

    @Bean
    SignInThrottle signInThrottle(StringRedisTemplate redis, SignInProperties properties, Clock clock) {
        return new SignInThrottle(redis, properties, clock);
    }

    @Bean
    SignIn signIn(Accounts accounts, PasswordHasher hasher, SessionStore sessionStore, SignInThrottle throttle, SignInProperties properties,
                  SessionProperties sessions, TransactionTemplate transactions, AuditEvents audit, SyncPublisher sync, Clock clock) {
        return new SignIn(new Credentials(accounts, hasher), sessionStore, throttle, properties, sessions, transactions,
                audit, sync, clock);
    }

    @Bean(destroyMethod = "close")
    RateLimits rateLimits(LettuceConnectionFactory redis) {
        return new RateLimits(redis);
    }

    @Bean
    GovConnectorsClient govConnectorsClient(RestClient.Builder http, UpstreamProperties upstreams) {
        return new GovConnectorsClient(client(http, upstreams.govConnectorsUrl().toString(), upstreams));
    }

    @Bean
    FraudAnalyticsClient fraudAnalyticsClient(RestClient.Builder http, UpstreamProperties upstreams) {
        return new FraudAnalyticsClient(client(http, upstreams.fraudAnalyticsUrl().toString(), upstreams));
    }

    @Bean
    IdentityCoreClient identityCoreClient(RestClient.Builder http, UpstreamProperties upstreams) {
        return new IdentityCoreClient(client(http, upstreams.identityCoreUrl().toString(), upstreams));
    }

    /**
     * Blocking HTTP/1.1 with keep-alive (the JDK's HttpURLConnection): the request thread does the
     * work; the JDK HttpClient factory would start a thread per request to stream the body.
     */
    private static RestClient client(RestClient.Builder http, String baseUrl, UpstreamProperties upstreams) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(upstreams.connectTimeout());
        requests.setReadTimeout(upstreams.readTimeout());
        return http.clone().baseUrl(baseUrl).requestFactory(requests).build();
    }

    @Bean
    IdentityVerifications identityVerifications(GovConnectorsClient connectors, JdbcClient jdbc, TransactionTemplate transactions,
                                                AuditEvents audit, JsonMapper json, Clock clock) {
        return new IdentityVerifications(connectors, jdbc, transactions, audit, json, clock);
    }

    @Bean
    ApiClients apiClients(JdbcClient jdbc, Clock clock) {
        return new ApiClients(jdbc, clock);
    }

    @Bean
    @ConditionalOnProperty("gateway.create-api-client")
    ApiClientCommand apiClientCommand(ApiClients clients, @Value("${gateway.create-api-client}") String name,
                                      ConfigurableApplicationContext context) {
        return new ApiClientCommand(clients, name, () -> System.exit(SpringApplication.exit(context)));
    }

    /** An account locked anywhere (here, by fraud-analytics, by an operator) loses its sessions at once. */
    @Bean
    SessionSync sessionSync(SessionStore sessionStore) {
        return new SessionSync(sessionStore);
    }

    record SessionSync(SessionStore sessions) {

        @EventListener
        void on(SyncMessage message) {
            if (!message.subject().matches("[0-9a-fA-F-]{36}")) {
                return; // not one of ours: account and session ids are UUIDs
            }
            if (message.is(SyncMessage.ACCOUNT_LOCKED)) {
                sessions.endAll(UUID.fromString(message.subject()), SessionStore.EndReason.ACCOUNT_LOCKED);
            } else if (message.is(SyncMessage.SESSION_REVOKED)) {
                sessions.endById(UUID.fromString(message.subject()), SessionStore.EndReason.REVOKED);
            }
        }
    }
}
