package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import uk.gov.digitalid.backing.kafka.KafkaConnection;
import uk.gov.digitalid.backing.postgres.PostgresConnection;
import uk.gov.digitalid.backing.redis.RedisConnection;

class ConnectionUrlsTest {

    @Test
    void postgresLibpqUrlWithEncodedPassword() {
        PostgresConnection pg = PostgresConnection.parse("postgresql://app:p%40ss@db.local:6543/identity");
        assertThat(pg).isEqualTo(new PostgresConnection("db.local", 6543, "identity", "app", "p@ss"));
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/identity");
        assertThat(pg.toString()).doesNotContain("p@ss");
    }

    @Test
    void postgresJdbcUrlWithCredentialsInQuery() {
        PostgresConnection pg = PostgresConnection.parse("jdbc:postgresql://127.0.0.1/postgres?user=u&password=secret");
        assertThat(pg).isEqualTo(new PostgresConnection("127.0.0.1", 5432, "postgres", "u", "secret"));
    }

    @Test
    void postgresRejectsOtherSchemes() {
        assertThatIllegalArgumentException().isThrownBy(() -> PostgresConnection.parse("mysql://h/db"));
    }

    @Test
    void redisUrlWithPassword() {
        RedisConnection redis = RedisConnection.parse("redis://:s3cret@cache:6380");
        assertThat(redis).isEqualTo(new RedisConnection("cache", 6380, "s3cret"));
        assertThat(redis.url()).isEqualTo("redis://:s3cret@cache:6380");
        assertThat(redis.toString()).doesNotContain("s3cret");
        assertThat(RedisConnection.parse("redis://localhost").port()).isEqualTo(6379);
    }

    @Test
    void kafkaBootstrapServers() {
        assertThat(KafkaConnection.parse("kafka://a:9092, b:9093").bootstrapServers()).isEqualTo("a:9092,b:9093");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaConnection.parse("a"));
    }
}
