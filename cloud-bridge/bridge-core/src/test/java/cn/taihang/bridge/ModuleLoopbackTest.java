package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.module.Access;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module sees each record exactly once, inside the ingest transaction, across resends and restarts; its tables come from its
 * own migrations; its routes are served.
 */
@Tag("loopback")
class ModuleLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;

        /** Sums the counts of counter records into its own table, in the ingest transaction. */
        static final class CountingModule implements BridgeModule {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public String migrations() {
                return "cn/taihang/bridge/counting/db";
            }

            @Override
            public Future<Void> start(BridgeContext context) {
                context.onNewRecords("counter.", (tx, records) -> {
                    long sum = records.stream().mapToLong(r -> r.number("count").longValue()).sum();
                    return tx.preparedQuery("UPDATE module_total SET total = total + $1").execute(Tuple.of(sum)).mapEmpty();
                });
                context.routes().get("/total", Access.open()).handler(ctx -> context.storage().reader().query("SELECT total FROM module_total").execute()
                        .onSuccess(rows -> {
                            Row row = rows.iterator().next();
                            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("total", row.getLong(0)).encode());
                        }).onFailure(ctx::fail));
                return Future.succeededFuture();
            }
        }

        @Test
        void recordsReachTheModuleOnceAcrossResendsAndRestarts() throws Exception {
            try (RunningBridge bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new CountingModule())).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "jincheng-hsr-east", "gw-hsr-east-1");
                 ApiClient checked = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
                ApiClient http = checked.unchecked();
                gw.send(List.of(Frames.counter(1, Frames.T0, "lane-1", 12), Frames.counter(2, Frames.T0, "lane-2", 7)));
                gw.send(List.of(Frames.counter(1, Frames.T0, "lane-1", 12), Frames.counter(3, Frames.T0, "lane-1", 1)));
                await().untilAsserted(() -> assertThat(gw.ackedSeqs()).contains(1L, 2L, 3L));
                await().untilAsserted(() -> assertThat(http.json("/api/v1/total").getLong("total")).isEqualTo(20L));
                assertThat(http.get("/api/v1/no-such-route").status()).isEqualTo(404);
            }
            try (RunningBridge again = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new CountingModule())).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), again.brokerUrl(), "jincheng-hsr-east", "gw-hsr-east-1");
                 ApiClient http = SECURITY.client(again, Scopes.TELEMETRY_READ, Scopes.METRICS_READ)) {
                gw.send(List.of(Frames.counter(2, Frames.T0, "lane-2", 7), Frames.counter(4, Frames.T0, "lane-2", 5)));
                await().untilAsserted(() -> assertThat(gw.ackedSeqs()).contains(2L, 4L));
                assertThat(http.unchecked().json("/api/v1/total").getLong("total")).isEqualTo(25L);
            }
        }
    }
}
