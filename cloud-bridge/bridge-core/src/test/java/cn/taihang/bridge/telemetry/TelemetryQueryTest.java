package cn.taihang.bridge.telemetry;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.records.RecordKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TelemetryQueryTest {

    private static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return m;
    }

    private static ServiceException refused(String... kv) {
        try {
            TelemetryQuery.parse(params(kv));
        } catch (ServiceException e) {
            return e;
        }
        throw new AssertionError("accepted " + List.of(kv));
    }

    @Test
    void defaultsToTheFirstHundredOfEverything() throws Exception {
        TelemetryQuery q = TelemetryQuery.parse(Map.of());
        assertThat(q).isEqualTo(new TelemetryQuery(null, null, null, null, null, 100, null));
    }

    @Test
    void readsEveryParameter() throws Exception {
        String after = new TelemetryCursor(5, "gw-a", 9).encode();
        TelemetryQuery q = TelemetryQuery.parse(params("gateway", "gw-a", "device", "lane-1", "kind", RecordKinds.COUNTER_INTERVAL,
                "from", "2024-11-29T06:00:00Z", "to", "2024-11-29T14:00:01+08:00", "limit", "1000", "after", after));
        assertThat(q.gateway()).isEqualTo("gw-a");
        assertThat(q.device()).isEqualTo("lane-1");
        assertThat(q.kind()).isEqualTo(RecordKinds.COUNTER_INTERVAL);
        assertThat(q.fromMillis()).isEqualTo(1_732_860_000_000L);
        assertThat(q.toMillis()).isEqualTo(1_732_860_001_000L);
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.after()).isEqualTo(new TelemetryCursor(5, "gw-a", 9));
    }

    @Test
    void takesEpochMillisToo() throws Exception {
        assertThat(TelemetryQuery.parse(params("from", "1732860000000")).fromMillis()).isEqualTo(1_732_860_000_000L);
        assertThat(TelemetryQuery.parse(params("to", "0")).toMillis()).isZero();
    }

    @Test
    void namesTheBadParameterAndWhatItExpects() {
        assertThat(refused("limit", "0").parameter()).isEqualTo("limit");
        assertThat(refused("limit", "1001").expected()).isEqualTo("an integer from 1 to 1000");
        assertThat(refused("limit", "99999999999999999999").parameter()).isEqualTo("limit");
        assertThat(refused("limit", "").parameter()).isEqualTo("limit");
        assertThat(refused("from", "yesterday").expected()).contains("ISO-8601");
        assertThat(refused("from", "2024-11-29T06:00:00").parameter()).as("no offset: ambiguous").isEqualTo("from");
        assertThat(refused("to", "99999999999999999").parameter()).as("oversized").isEqualTo("to");
        assertThat(refused("from", "10", "to", "10").parameter()).isEqualTo("to");
        assertThat(refused("gateway", "GW").parameter()).isEqualTo("gateway");
        assertThat(refused("gateway", "g".repeat(65)).parameter()).isEqualTo("gateway");
        assertThat(refused("device", "").parameter()).isEqualTo("device");
        assertThat(refused("kind", "k".repeat(129)).parameter()).isEqualTo("kind");
        assertThat(refused("limit", "5", "limit", "6").expected()).isEqualTo("a single value");
        assertThat(refused("sort", "time").expected()).contains("after", "device", "from", "gateway", "kind", "limit", "to");
        assertThat(refused("after", "%%%").parameter()).isEqualTo("after");
    }
}
