package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.postgres.PostgresConnection;

@WithBackingServices(BackingService.POSTGRES)
class PostgresRoundTripIT {

    @Test
    void answersSqlOnSeventeen(PostgresConnection pg, BackingServices services) throws Exception {
        SharedServersProbe.assertShared(services, BackingService.POSTGRES);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement st = c.createStatement()) {
            st.execute("create table round_trip (id int primary key, name text)");
            st.execute("insert into round_trip values (1, 'citizen')");
            try (ResultSet rs = st.executeQuery("select name, current_setting('server_version_num')::int from round_trip")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("citizen");
                assertThat(rs.getInt(2)).isBetween(170000, 179999);
            }
            st.execute("drop table round_trip");
        }
        assertThat(pg.host()).isEqualTo("127.0.0.1");
    }
}
