package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.MosquittoBroker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bridge instances ({@link BridgeCluster}: Debian's mosquitto, one throwaway PostgreSQL, a shared subscription) take
 * concurrent ticket sales and rental bookings through both HTTP APIs without overselling or double-booking, and a batch
 * delivered again to either instance is stored once.
 */
@Tag("loopback")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private BridgeCluster cluster;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Assertions.assertTrue(MosquittoBroker.installed(), "Debian package mosquitto not installed (apt-get install mosquitto); run ./taihang tools --install (./taihang test does it first)");
        cluster = new BridgeCluster(SECURITY, dir, 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void concurrentTicketSalesThroughBothInstancesNeverOversell() throws Exception {
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(12).toString();
        int capacity = 25;
        int orders = 60;
        List<CompletableFuture<ApiClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            JsonObject order = new JsonObject().put("holder", "C" + i).put("items", new JsonArray()
                    .add(new JsonObject().put("product", "lodging-xiyagou-homestay").put("date", day)));
            answers.add(cluster.api(i % 2).postAsync("/api/v1/tickets/orders", order));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(ApiClient.Answer::status).toList();
        assertThat(statuses.stream().filter(s -> s == 201)).as("sold, across both instances").hasSize(capacity);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(orders - capacity);
        assertThat(cluster.count("SELECT sold FROM ticket_capacity WHERE product = 'lodging-xiyagou-homestay' AND day = '" + day + "'")).isEqualTo((long) capacity);
    }

    @Test
    void concurrentRentalBookingsThroughBothInstancesNeverDoubleBook() throws Exception {
        String station = "changzhi-east";
        long cars = cluster.count("SELECT count(*) FROM rental_cars WHERE station = '" + station + "'");
        Instant pickup = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        int bookings = (int) cars + 12;
        List<CompletableFuture<ApiClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            JsonObject booking = new JsonObject().put("customer", "customer-" + i)
                    .put("pickup", new JsonObject().put("station", station).put("from", pickup.toString()).put("until", pickup.plus(Duration.ofHours(2)).toString()))
                    .put("return", new JsonObject().put("station", "yuncheng-north").put("from", pickup.plus(Duration.ofDays(1)).toString())
                            .put("until", pickup.plus(Duration.ofDays(1)).plus(Duration.ofHours(9)).toString()));
            answers.add(cluster.api(i % 2).postAsync("/api/v1/rental/reservations", booking));
        }
        List<ApiClient.Answer> done = answers.stream().map(CompletableFuture::join).toList();
        assertThat(done).as("every booking answered: taken or refused").allMatch(a -> a.status() == 201 || a.status() == 409);
        assertThat(done.stream().filter(a -> a.status() == 201)).as("one booking per car of the station, not more").hasSize((int) cars);
        assertThat(cluster.count("SELECT count(*) FROM rental_reservations WHERE pickup_station = '" + station + "' AND state = 'confirmed'")).isEqualTo(cars);
    }

    @Test
    void aBatchDeliveredAgainToEitherInstanceIsStoredOnce() throws Exception {
        try (TestGateway gw = TestGateway.online(SECURITY.pki(), cluster.brokerUrl(), "gaoping-hsr-east", "gw-cluster-1")) {
            gw.birth(1);
            for (int round = 0; round < 6; round++) {
                gw.send(Frames.range(1, 40));        // the shared subscription hands each round to one of the two instances
            }
            await().until(() -> gw.ackedSeqs().size() == 40 && gw.acks().size() == 6);
        }
        double[] duplicates = {Meters.count(cluster.instance(0), "bridge.ingest.records", "outcome", "duplicate"),
                Meters.count(cluster.instance(1), "bridge.ingest.records", "outcome", "duplicate")};
        assertThat(duplicates).as("both instances were handed a round again and found it in the shared database").doesNotContain(0.0);
        assertThat(duplicates[0] + duplicates[1]).isEqualTo(5 * 40);
        assertThat(cluster.count("SELECT count(*) FROM records WHERE gateway = 'gw-cluster-1'")).isEqualTo(40L);
        assertThat(cluster.count("SELECT count(DISTINCT seq) FROM records WHERE gateway = 'gw-cluster-1'")).isEqualTo(40L);
    }

}
