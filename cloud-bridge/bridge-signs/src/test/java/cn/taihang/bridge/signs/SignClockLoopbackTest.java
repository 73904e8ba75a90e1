package cn.taihang.bridge.signs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One status from a gateway whose clock reads 2030 does not freeze its sign's row: the next real status still shows. */
@Tag("loopback")
class SignClockLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private static final SenmlCodec SENML = new SenmlCodec();

    @TempDir
    Path dir;

    private static RecordFrame status(long seq, long timeMillis, String state) {
        return new RecordFrame(seq, timeMillis, "board-a", RecordKinds.SIGN_STATUS, 1, false, SENML.encodeCbor(List.of(
                SenmlRecord.of(SignReport.STATE, state), SenmlRecord.of(SignReport.WIDTH, 64), SenmlRecord.of(SignReport.HEIGHT, 32))));
    }

    @Test
    void aStatusStampedYearsAheadIsOrderedByItsArrival() throws Exception {
        try (RunningBridge bridge = BridgeCore.start(SECURITY.secure(TestStorage.SQLITE.options(dir)), List.of(new SignsModule()))
                .toCompletableFuture().get();
             TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "hub-a", "gw-hub-a");
             ApiClient api = SECURITY.client(bridge, Scopes.TELEMETRY_READ)) {
            gw.send(List.of(status(1, Instant.parse("2030-01-01T00:00:00Z").toEpochMilli(), "PANEL_DOWN")));
            await().until(() -> gw.acks().size() == 1);
            await().untilAsserted(() -> assertThat(board(api).getString("state")).isEqualTo("PANEL_DOWN"));

            gw.send(List.of(status(2, System.currentTimeMillis() + 1000, "SHOWN")));
            await().until(() -> gw.acks().size() == 2);
            await().untilAsserted(() -> assertThat(board(api).getString("state")).as("not frozen by the 2030 status").isEqualTo("SHOWN"));
        }
    }

    private static JsonObject board(ApiClient api) throws Exception {
        return api.json("/api/v1/signs").getJsonArray("items").getJsonObject(0);
    }
}
