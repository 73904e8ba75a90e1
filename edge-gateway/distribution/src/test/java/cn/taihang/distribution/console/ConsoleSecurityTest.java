package cn.taihang.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.testkit.net.TcpRelay;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a stranger on the crew's network (issue 12): hammering {@code admin} from one address does not
 * lock the admin out at another, and settings that weaken security stay the admins' even on pages technicians edit.
 * The real distribution over HTTPS; the stranger's connections come from 127.0.0.66 through a relay.
 */
@Tag("framework")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

    private static final String GATE = "cn.taihang.validator.gate~east";
    private static final String TECH = "tech";
    private static final String TECH_PASSWORD = "tech-password-1";

    @TempDir
    static Path dir;

    private ConsoleGateway gateway;
    private TcpRelay stranger;

    @BeforeAll
    void boot() throws Exception {
        gateway = ConsoleGateway.start(dir, true, ", \"loginAttemptsPerMinute\": 600", """
                , "cn.taihang.validator.gate~east": {"device": "gate-east", "kind": "SCENIC_ENTRANCE", "places": [2001], "scannerPort": "scanner-1",
                                           "relayPin": 22}
                , "cn.taihang.coap": {"bindAddress": "127.0.0.1", "securePort": 0, "plainPort": -1}
                """, Map.of());
        new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD).createAccount(TECH, "technician", TECH_PASSWORD);
        stranger = new TcpRelay(InetAddress.getByName("127.0.0.66"), gateway.port);
    }

    @AfterAll
    void stop() throws Exception {
        if (stranger != null) {
            stranger.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static HttpResponse<String> login(ConsoleClient client, String user, String password) throws Exception {
        return client.submit("/login", "/login", Map.of("user", user, "password", password, "next", "/"));
    }

    @Test
    void aStrangerHammeringAdminFromOneAddressDoesNotLockTheAdminOutAtAnother() throws Exception {
        ConsoleClient intruder = new ConsoleClient(gateway, stranger.port());
        for (int i = 1; i < 5; i++) {
            assertThat(login(intruder, ConsoleGateway.ADMIN, "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(intruder, ConsoleGateway.ADMIN, "guess-5");
        assertThat(locked.statusCode()).isEqualTo(403);
        assertThat(login(intruder, ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD).statusCode()).as("locked for the stranger's address, right password or not")
                .isEqualTo(403);

        ConsoleClient admin = new ConsoleClient(gateway);
        assertThat(login(admin, ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD).statusCode()).as("the admin at 127.0.0.1").isEqualTo(303);
        HttpResponse<String> audit = admin.get("/audit?q=admin");
        assertThat(audit.body()).contains("account.locked").contains("127.0.0.66");
    }

    @Test
    void securitySettingsOfATechniciansPageStayTheAdmins() throws Exception {
        ConsoleClient tech = new ConsoleClient(gateway).login(TECH, TECH_PASSWORD);
        HttpResponse<String> form = tech.get("/config/edit?pid=" + GATE);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).containsPattern("id=\"f-clockSkewSeconds\"[^>]*disabled").containsPattern("id=\"f-passbackSeconds\"[^>]*disabled")
                .doesNotContainPattern("id=\"f-relayPulseMillis\"[^>]*disabled");

        HttpResponse<String> skew = tech.submit("/config/edit?pid=" + GATE, "/config/edit", Map.of("pid", GATE, "f.clockSkewSeconds", "3600"));
        assertThat(skew.statusCode()).isEqualTo(403);
        assertThat(skew.body()).contains("clockSkewSeconds");
        assertThat(gateway.configuration(GATE).get("clockSkewSeconds")).as("nothing saved").isNull();

        HttpResponse<String> pulse = tech.submit("/config/edit?pid=" + GATE, "/config/edit", Map.of("pid", GATE, "f.relayPulseMillis", "1200"));
        assertThat(pulse.statusCode()).as(pulse.body()).isEqualTo(303);

        HttpResponse<String> plainCoap = tech.submit("/config/edit?pid=cn.taihang.coap", "/config/edit", Map.of("pid", "cn.taihang.coap", "f.plainPort", "5683"));
        assertThat(plainCoap.statusCode()).as("CoAP plain mode: admins only").isEqualTo(403);
        assertThat(String.valueOf(gateway.configuration("cn.taihang.coap").get("plainPort"))).as("nothing saved").isEqualTo("-1");

        ConsoleClient admin = new ConsoleClient(gateway).login(ConsoleGateway.ADMIN, ConsoleGateway.ADMIN_PASSWORD);
        HttpResponse<String> byAdmin = admin.submit("/config/edit?pid=" + GATE, "/config/edit", Map.of("pid", GATE, "f.clockSkewSeconds", "120"));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(303);
        assertThat(String.valueOf(gateway.configuration(GATE).get("clockSkewSeconds"))).isEqualTo("120");
        assertThat(admin.get("/audit?q=" + GATE).body()).contains("admin-only settings: clockSkewSeconds");
    }
}
