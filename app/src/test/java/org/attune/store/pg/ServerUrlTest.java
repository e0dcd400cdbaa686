package org.attune.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A lab study's address, as the issue writes it: postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME. */
class ServerUrlTest {

    @Test
    void theAddressesOfTheIssueAreRead() {
        ServerUrl u = ServerUrl.parse("postgresql://ana@lab.uni.edu:6543/attune?study=freeplay&sslmode=require");
        assertEquals(Optional.of("ana"), u.user());
        assertEquals("lab.uni.edu", u.host());
        assertEquals(6543, u.port());
        assertEquals("attune", u.database());
        assertEquals("freeplay", u.study());
        assertEquals("attune_freeplay", u.schema());
        assertEquals("jdbc:postgresql://lab.uni.edu:6543/attune?sslmode=require", u.jdbc());
        assertEquals("postgresql://ana@lab.uni.edu:6543/attune?study=freeplay&sslmode=require", u.toString());
        ServerUrl plain = ServerUrl.parse("postgresql://localhost/lab?study=S2026");
        assertEquals(ServerUrl.DEFAULT_PORT, plain.port());
        assertEquals(Optional.empty(), plain.user());
        assertTrue(ServerUrl.isServer("postgresql://x/y?study=z"));
        assertFalse(ServerUrl.isServer("lab.attune"));
    }

    @Test
    void aWrongAddressIsRefusedSayingWhatToWrite() {
        assertEquals("postgresql://ana:secret@lab/attune?study=x is not a lab study's address: it holds a password; give it in PGPASSWORD or ~/.pgpass,"
                + " never in the study's name. Write it as postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME, e.g. postgresql://ana@lab.uni.edu/attune?study=freeplay.",
                assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse("postgresql://ana:secret@lab/attune?study=x")).getMessage());
        for (String bad : new String[] {"mysql://lab/attune?study=x", "postgresql://lab/attune", "postgresql://lab?study=x", "postgresql://lab:port/a?study=x",
                "postgresql://lab:70000/a?study=x", "postgresql://lab/a?study=free play", "postgresql://lab/a?study=x&password=y", "postgresql:///a?study=x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(bad), bad);
            assertTrue(e.getMessage().startsWith(bad + " is not a lab study's address: "), e.getMessage());
        }
    }
}
