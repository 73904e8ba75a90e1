package cn.taihang.roadsensors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.roadsensors.api.SensorStatus;
import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.gateway.FakeAlarms;
import cn.taihang.testkit.gateway.FakeOutbox;
import cn.taihang.testkit.time.ManualClock;
import cn.taihang.wire.records.RecordKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The component with in-memory ports and a clock the test moves: alarms, records, refusals, presence. */
@Tag("unit")
class RoadSensorsComponentTest {

    private static final Instant T0 = Instant.parse("2025-01-15T06:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeAlarms alarms = new FakeAlarms();

    private RoadSensorsComponent component(Map<String, Object> config) {
        RoadSensorsComponent c = new RoadSensorsComponent(null, Configs.of(ThresholdsConfig.class, config), outbox, alarms, "post-zw-1", clock, false);
        c.addDefinition(new SensorDefinition(Configs.of(SensorConfig.class, Map.of("sensor", "vis-zw-1", "section", "zheshui-wangmangling",
                "km", 13.7, "reportSeconds", 10, "description", "浙水—王莽岭 K13.7 能见度仪 / Zheshui–Wangmangling K13.7 visibility meter"))));
        return c;
    }

    private static SensorMessage visibility(double meters) {
        return new SensorMessage("vis-zw-1", SensorMessage.Transport.DTLS, T0,
                List.of(SensorValue.text("3300/0/5750", "visibility"), SensorValue.number("3300/0/5700", "m", meters)));
    }

    private IngestResult send(RoadSensorsComponent c, SensorMessage m) {
        return c.handle(m).toCompletableFuture().join();
    }

    @Test
    void fogRisesAtOnceWithThePlaceAndValueAndClearsWithHysteresis() {
        RoadSensorsComponent c = component(Map.of());
        assertThat(send(c, visibility(120)).outcome()).isEqualTo(IngestResult.Outcome.ACCEPTED);
        Alarm fog = alarms.activeAlarm("fog@vis-zw-1");
        assertThat(fog.kind()).isEqualTo("fog");
        assertThat(fog.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(fog.message()).contains("大雾").contains("Fog").contains("120");
        assertThat(fog.details()).containsEntry("sensor", "vis-zw-1").containsEntry("site", "post-zw-1").containsEntry("section", "zheshui-wangmangling")
                .containsEntry("km", 13.7).containsEntry("value", 120.0).containsEntry("unit", "m").containsEntry("raise", 200.0).containsEntry("clear", 300.0);
        send(c, visibility(260));
        send(c, visibility(350));
        assertThat(alarms.activeAlarm("fog@vis-zw-1")).isNotNull();
        send(c, visibility(400));
        assertThat(alarms.activeAlarm("fog@vis-zw-1")).isNull();
        assertThat(alarms.events()).containsExactly("raised fog@vis-zw-1", "cleared fog@vis-zw-1");
    }

    @Test
    void readingsAreStoredAsSensorReadingRecordsWithIpsoNames() {
        send(component(Map.of()), visibility(800));
        OutboundRecord record = outbox.records().get(0);
        assertThat(record.kind()).isEqualTo(RecordKinds.SENSOR_READING);
        assertThat(record.device()).isEqualTo("vis-zw-1");
        assertThat(record.priority()).isEqualTo(Priority.NORMAL);
        assertThat(record.time()).isEqualTo(T0);
        assertThat(record.measurements()).containsExactly(Measurement.number("3300/0/5700", "m", 800), Measurement.text("3300/0/5750", "visibility"));
    }

    @Test
    void badContentIsRefusedAndCountedWithoutRecordOrAlarm() {
        RoadSensorsComponent c = component(Map.of());
        IngestResult result = send(c, new SensorMessage("vis-zw-1", SensorMessage.Transport.DTLS, T0,
                List.of(SensorValue.text("3300/0/5750", "visibility"), SensorValue.number("3300/0/5700", "furlong", 1))));
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.INVALID);
        assertThat(result.detail()).contains("furlong").contains("km");
        assertThat(send(c, visibility(-3)).outcome()).isEqualTo(IngestResult.Outcome.INVALID);
        assertThat(outbox.records()).isEmpty();
        assertThat(alarms.events()).isEmpty();
        SensorStatus status = c.sensor("vis-zw-1").orElseThrow();
        assertThat(status.refused()).isEqualTo(2);
        assertThat(status.lastProblem()).contains("not physically possible");
    }

    @Test
    void aFullStoreIsAnsweredBusyButTheAlarmStillRises() {
        outbox.refuse(OutboxException.Reason.FULL);
        IngestResult result = send(component(Map.of()), visibility(50));
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.BUSY);
        assertThat(result.retryAfterSeconds()).isEqualTo(60);
        assertThat(alarms.activeAlarm("fog@vis-zw-1")).isNotNull();
    }

    @Test
    void aSilentSensorRaisesSensorOfflineAndClearsItWhenItReportsAgain() {
        RoadSensorsComponent c = component(Map.of("offlineAfterMissedReports", 3));
        send(c, visibility(900));
        clock.advance(Duration.ofSeconds(30));
        c.tick();
        assertThat(alarms.active()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        c.tick();
        Alarm offline = alarms.activeAlarm("sensor-offline@vis-zw-1");
        assertThat(offline.severity()).isEqualTo(AlarmSeverity.WARNING);
        assertThat(offline.details()).containsEntry("section", "zheshui-wangmangling").containsEntry("silentSeconds", 31L);
        assertThat(c.sensor("vis-zw-1").orElseThrow().presence()).isEqualTo(SensorStatus.Presence.OFFLINE);
        assertThat(c.sensor("vis-zw-1").orElseThrow().activeAlarms()).containsExactly("sensor-offline@vis-zw-1");
        clock.advance(Duration.ofSeconds(100));
        send(c, visibility(900));
        assertThat(alarms.active()).isEmpty();
        assertThat(c.sensor("vis-zw-1").orElseThrow().presence()).isEqualTo(SensorStatus.Presence.ONLINE);
    }

    @Test
    void theConsoleListsConfiguredAndReportingSensorsWithLatestValues() {
        RoadSensorsComponent c = component(Map.of());
        send(c, new SensorMessage("ice-9", SensorMessage.Transport.DTLS, T0,
                List.of(SensorValue.text("3300/0/5750", "road-surface-state"), SensorValue.text("3300/0/5700", "ice"))));
        List<SensorStatus> sensors = c.sensors();
        assertThat(sensors).extracting(SensorStatus::sensorId).containsExactly("ice-9", "vis-zw-1");
        assertThat(sensors.get(0).latest()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo("road-surface-state");
            assertThat(v.display()).isEqualTo("ice");
        });
        assertThat(sensors.get(0).site()).isEqualTo("post-zw-1");
        assertThat(sensors.get(0).activeAlarms()).containsExactly("ice@ice-9");
        assertThat(sensors.get(1).presence()).isEqualTo(SensorStatus.Presence.NEVER_SEEN);
    }

    @Test
    void disabledAlarmsAreNotRaised() {
        RoadSensorsComponent c = component(Map.of("disabledAlarms", new String[] {"fog", "sensor-offline"}));
        send(c, visibility(20));
        clock.advance(Duration.ofHours(1));
        c.tick();
        assertThat(alarms.events()).isEmpty();
    }
}
