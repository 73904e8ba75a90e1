package cn.taihang.bridge.tickets;

import static cn.taihang.bridge.testing.ModuleDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.testing.ArrivalOrders;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.ModuleDatabase;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRedemption;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entitlement redeemed at three gateways while they were offline: for every arrival order of their records (cut
 * into batches at random) the bridge lists the same conflict, and the first use by gate time is the honoured one.
 */
@Tag("loopback")
class RedemptionArrivalOrderTest {

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;
        ModuleDatabase database;
        BridgeStorage db;
        RedemptionLedger ledger;

        @BeforeEach
        void open() throws Exception {
            database = ModuleDatabase.open(storage, dir, new TicketModule());
            db = database.storage();
            ledger = new RedemptionLedger(db, new SimpleMeterRegistry());
        }

        @AfterEach
        void close() throws Exception {
            database.close();
        }

        @Test
        void theSameConflictAndTheSameHonouredUseForEveryArrivalOrder() throws Exception {
            List<LongFunction<IngestedRecord>> happened = List.of(
                    ticket -> redemption("gw-north", 7, 1_000, ticket, 1),
                    ticket -> redemption("gw-south", 3, 1_000, ticket, 1),
                    ticket -> redemption("gw-south", 4, 2_000, ticket, 0),
                    ticket -> redemption("gw-east", 1, 5_000, ticket, 1),
                    ticket -> redemption("gw-north", 8, 9_000, ticket, 0));
            List<LongFunction<IngestedRecord>>[] orders = ArrivalOrders.of(happened, 120, 16).toArray(List[]::new);
            for (int n = 0; n < orders.length; n++) {
                long ticket = 5_000 + n; // the (gateway, seq) of each run's records differ too: seq = run * 100 + seq
                List<IngestedRecord> arrival = orders[n].stream().map(f -> f.apply(ticket)).toList();
                for (List<IngestedRecord> batch : ArrivalOrders.batches(arrival, new Random(n))) {
                    await(db.writer().withTransaction(tx -> ledger.onRecords(tx, batch)));
                }
            }
            Map<Long, String> ends = await(ledger.conflicts(1000)).stream().collect(Collectors.toMap(RedemptionLedger.Conflict::ticket, c -> {
                StringBuilder end = new StringBuilder(c.entitlement() + ": " + c.redeemed() + " of " + c.uses());
                for (int i = 0; i < c.redemptions().size(); i++) {
                    RedemptionLedger.Redemption r = c.redemptions().get(i);
                    end.append(", ").append(r.gateway()).append('#').append(r.seq() % 100).append(c.honoured(i) ? " honoured" : " double use");
                }
                return end.toString();
            }));
            assertThat(ends).hasSize(orders.length);
            assertThat(ends.values()).containsOnly("1: 3 of 1, gw-north#7 honoured, gw-south#3 double use, gw-east#1 double use");
        }

        static IngestedRecord redemption(String gateway, long seq, long time, long ticket, int entitlement) {
            return new IngestedRecord(gateway, "wangmangling", (ticket - 5_000) * 100 + seq, "gate-1", RecordKinds.TICKET_REDEMPTION, time, time, 0, true,
                    Map.of(TicketRedemption.TICKET.name(), Long.toString(ticket), TicketRedemption.ENTITLEMENT.name(), (double) entitlement,
                            TicketRedemption.USES.name(), entitlement == 1 ? 1.0 : 2.0, TicketRedemption.USE.name(), 1.0,
                            TicketRedemption.PLACE.name(), 2001.0), Map.of());
        }
    }
}
