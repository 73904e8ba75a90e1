package cn.taihang.bridge.tickets;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRedemption;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redemptions arrive from gateways as critical records; the same entitlement redeemed at two gateways while both
 * were offline shows up in the conflicts list with both redemptions, once, however often the records are resent; the
 * first use by gate time is the honoured one whatever order the gateways' batches arrive in.
 */
@Tag("loopback")
class TicketConflictsLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private static final SenmlCodec SENML = new SenmlCodec();

        @TempDir
        Path dir;

        static RecordFrame redemption(long seq, long time, String gate, String ticket, int entitlement, int use, int uses) {
            byte[] body = SENML.encodeCbor(List.of(SenmlRecord.of(TicketRedemption.TICKET, ticket), SenmlRecord.of(TicketRedemption.ENTITLEMENT, entitlement),
                    SenmlRecord.of(TicketRedemption.ENTITLEMENT_KIND, "scenic-entry"), SenmlRecord.of(TicketRedemption.PLACE, 2001), SenmlRecord.of(TicketRedemption.USE, use),
                    SenmlRecord.of(TicketRedemption.USES, uses), SenmlRecord.of(TicketRedemption.KEY, 1), SenmlRecord.of(TicketRedemption.GATE, "scenic_entrance")));
            return new RecordFrame(seq, time, gate, RecordKinds.TICKET_REDEMPTION, 0, true, body);
        }

        @Test
        void theSameEntitlementUsedAtTwoGatewaysOfflineIsAConflictWithBothRedemptions() throws Exception {
            try (RunningBridge bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new TicketModule())).toCompletableFuture().get();
                 TestGateway north = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "wangmangling", "gw-wangmangling-north");
                 TestGateway south = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "wangmangling", "gw-wangmangling-south");
                 ApiClient api = SECURITY.client(bridge, Scopes.TICKETS_SELL, Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ)) {
                JsonObject ticket = TicketOrders.buy(api, TicketOrders.order("C1", TicketOrders.item("bus-t01", TicketOrders.today()), TicketOrders.item("scenic-wangmangling", TicketOrders.today())));
                String id = ticket.getString("id");
                long t = System.currentTimeMillis();

                south.send(List.of(redemption(55, t + 60_000, "wml-gate-9", id, 1, 1, 1)));
                await().untilAsserted(() -> assertThat(south.ackedSeqs()).contains(55L));
                north.send(List.of(redemption(101, t, "wml-gate-1", id, 1, 1, 1), redemption(102, t, "wml-gate-1", "777", 1, 1, 1)));
                south.send(List.of(redemption(55, t + 60_000, "wml-gate-9", id, 1, 1, 1)));
                north.send(List.of(redemption(103, t, "hub-board-1", id, 0, 1, 2)));
                await().untilAsserted(() -> assertThat(south.ackedSeqs()).contains(55L));
                await().untilAsserted(() -> assertThat(north.ackedSeqs()).contains(101L, 102L, 103L));

                JsonArray conflicts = api.get("/api/v1/tickets/conflicts").json().getJsonArray("items");
                assertThat(conflicts).hasSize(1);
                JsonObject conflict = conflicts.getJsonObject(0);
                assertThat(conflict.getString("ticket")).isEqualTo(id);
                assertThat(conflict.getInteger("entitlement")).isEqualTo(1);
                assertThat(conflict.getInteger("uses")).isEqualTo(1);
                assertThat(conflict.getInteger("redeemed")).isEqualTo(2);
                assertThat(conflict.getJsonArray("redemptions").stream().map(r -> ((JsonObject) r).getString("gateway")))
                        .containsExactly("gw-wangmangling-north", "gw-wangmangling-south");
                assertThat(conflict.getJsonArray("redemptions").stream().map(r -> ((JsonObject) r).getBoolean("honoured")))
                        .as("the first use by gate time is the honoured one, though it arrived second").containsExactly(true, false);

                JsonObject seen = api.withHolder(ticket.getString("holderToken")).get("/api/v1/tickets/" + id).json();
                assertThat(seen.getJsonArray("redemptions")).hasSize(3);
                assertThat(seen.getJsonArray("entitlements").getJsonObject(1).getInteger("redeemed")).isEqualTo(2);
                assertThat(seen.getJsonArray("entitlements").getJsonObject(0).getInteger("redeemed")).isEqualTo(1);
            }
        }
    }
}
