package cn.taihang.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Debian server: started on a free port, a database made in it, stopped. */
@Tag("loopback")
class LocalPostgresTest {

    @Test
    void startsMakesDatabasesAndStops() throws Exception {
        int port;
        try (LocalPostgres pg = LocalPostgres.start(LocalPostgres.Durability.THROWAWAY)) {
            port = pg.port();
            assertThat(pg.url(pg.createDatabase("first_one"))).isEqualTo("postgresql://taihang@127.0.0.1:" + port + "/first_one");
            Process p = new ProcessBuilder("psql", "-h", pg.host(), "-p", Integer.toString(port), "-U", pg.user(), "-d", "first_one", "-tAc",
                    "SELECT current_database()").redirectErrorStream(true).start();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("first_one");
            assertThatThrownBy(() -> pg.createDatabase("first_one")).hasMessageContaining("already exists");
            assertThatThrownBy(() -> pg.createDatabase("Robert'); DROP")).hasMessageContaining("database name");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("stopped").isInstanceOf(java.io.IOException.class);
    }
}
