package org.attune.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The tests' own PostgreSQL server (issue 18) starts, takes a connection and runs SQL; skipped, saying why, only when none can be started. */
class PgClusterTest {

    @Test
    void theTestServerRunsAndAnswers() throws Exception {
        PgCluster pg = PgCluster.orSkip();
        try (var c = DriverManager.getConnection(pg.jdbc("postgres")); var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, current_user");
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 150000, "PostgreSQL 15 or later: " + rs.getInt(1));
            assertEquals("attune", rs.getString(2));
            st.execute("CREATE SCHEMA attune_freeplay");
            st.execute("CREATE TABLE attune_freeplay.events (uid TEXT PRIMARY KEY, onset_ms BIGINT NOT NULL)");
            st.execute("INSERT INTO attune_freeplay.events VALUES ('a', 1000)");
            ResultSet n = st.executeQuery("SELECT count(*) FROM attune_freeplay.events");
            assertTrue(n.next());
            assertEquals(1, n.getInt(1));
        }
    }
}
