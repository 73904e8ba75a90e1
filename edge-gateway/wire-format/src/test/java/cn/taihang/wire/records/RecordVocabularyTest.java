package cn.taihang.wire.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.WireLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecordVocabularyTest {

    /** What gateways in the field send and stored databases hold: the vocabulary must keep these bytes. */
    private static final Map<String, String> ON_THE_WIRE = new LinkedHashMap<>();

    static {
        ON_THE_WIRE.put("counter.interval", "2 interval count count/unclassified count/wrong-way speed/mean occupancy partial late fault | count/");
        ON_THE_WIRE.put("ticket.redemption", "0 ticket entitlement kind place use uses key gate |");
        ON_THE_WIRE.put("ticket.rejection", "2 reason ticket detail |");
        ON_THE_WIRE.put("rental.pickup", "0 reservation car keyFrom slot ticket place |");
        ON_THE_WIRE.put("rental.return", "0 reservation car keyFrom slot ticket place |");
        ON_THE_WIRE.put("sign.status", "- state link role large origin source priority activated expires width height colour pages warnings brightness "
                + "temperature ambient pixelFaults png/bytes png/crc png/omitted | message/ png/");
        ON_THE_WIRE.put("sensor.reading", "2 | /5700 /5750");
        ON_THE_WIRE.put("alarm.raised", "0 id kind severity message | detail/");
        ON_THE_WIRE.put("alarm.cleared", "0 id kind severity message reason | detail/");
        ON_THE_WIRE.put("command.result", "1 id command ok message |");
    }

    @Test
    void kindsAndMeasurementNamesAreThoseOnTheWire() {
        Map<String, String> vocabulary = new LinkedHashMap<>();
        for (RecordKind kind : RecordKinds.all()) {
            String priority = kind.priority().isPresent() ? Integer.toString(kind.priority().getAsInt()) : "-";
            String names = kind.metrics().stream().map(Metric::name).collect(Collectors.joining(" "));
            String families = kind.families().stream().map(f -> f.prefix() + f.suffix()).collect(Collectors.joining(" "));
            vocabulary.put(kind.name(), (priority + " " + names + " | " + families).replaceAll(" +", " ").trim());
        }
        assertThat(vocabulary).containsExactlyEntriesOf(ON_THE_WIRE);
        assertThat(List.of(RecordKinds.COUNTER_INTERVAL, RecordKinds.TICKET_REDEMPTION, RecordKinds.TICKET_REJECTION, RecordKinds.RENTAL_PICKUP,
                RecordKinds.RENTAL_RETURN, RecordKinds.SIGN_STATUS, RecordKinds.SENSOR_READING, RecordKinds.ALARM_RAISED, RecordKinds.ALARM_CLEARED,
                RecordKinds.COMMAND_RESULT)).containsExactlyElementsOf(ON_THE_WIRE.keySet());
    }

    @Test
    void kindStringsAreUniqueValidAndTravelInABatch() throws Exception {
        List<String> kinds = RecordKinds.all().stream().map(RecordKind::name).toList();
        assertThat(new HashSet<>(kinds)).hasSameSizeAs(kinds);
        List<RecordFrame> frames = new ArrayList<>();
        byte[] body = new SenmlCodec().encodeCbor(List.of(SenmlRecord.number(CounterInterval.COUNT.name(), CounterInterval.COUNT.unit(), 1)));
        for (String kind : kinds) {
            assertThat(RecordKinds.isValidKind(kind)).as(kind).isTrue();
            assertThat(kind).as(kind).matches("[a-z]+\\.[a-z-]+").hasSizeLessThanOrEqualTo(WireLimits.V1.maxStringChars());
            assertThat(RecordKinds.of(kind)).as(kind).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo(kind));
            frames.add(new RecordFrame(frames.size() + 1, 0, "device-1", kind, 2, false, body));
        }
        BatchCodec codec = new BatchCodec();
        assertThat(codec.decode(codec.encode(new DataBatch("gw-1", frames))).records()).extracting(RecordFrame::kind).containsExactlyElementsOf(kinds);
        assertThat(RecordKinds.of("ticket.redeemed")).isEmpty();
        for (String prefix : List.of(RecordKinds.TICKET_PREFIX, RecordKinds.RENTAL_PREFIX, RecordKinds.ALARM_PREFIX)) {
            assertThat(kinds.stream().filter(k -> k.startsWith(prefix))).as(prefix).hasSize(2);
        }
    }

    @Test
    void measurementNamesAreUniqueWithinTheirKindAndDecodeAsSenml() throws Exception {
        SenmlCodec senml = new SenmlCodec();
        for (RecordKind kind : RecordKinds.all()) {
            Set<String> names = new HashSet<>();
            List<SenmlRecord> pack = new ArrayList<>();
            for (Metric<?> m : kind.metrics()) {
                assertThat(names.add(m.name())).as(kind.name() + " names " + m.name() + " once").isTrue();
                assertThat(Metric.isValidName(m.name())).as(m.name()).isTrue();
                assertThat(kind.families()).as(kind.name() + ": " + m.name() + " is no member of a family").noneMatch(f -> f.contains(m.name()));
                pack.add(sample(m));
            }
            Set<String> families = new HashSet<>();
            for (MetricFamily<?> f : kind.families()) {
                assertThat(families.add(f.prefix() + "|" + f.suffix())).as(kind.name() + " family " + f).isTrue();
            }
            if (!pack.isEmpty()) {
                assertThat(senml.decodeCbor(senml.encodeCbor(pack))).extracting(SenmlRecord::name).containsExactlyElementsOf(names(kind.metrics()));
            }
        }
    }

    @Test
    void familiesNameTheirMembers() {
        assertThat(CounterInterval.LENGTH_CLASSES.stream().map(CounterInterval.COUNT_BY_CLASS::nameOf))
                .containsExactly("count/motorcycle", "count/short", "count/medium", "count/long", "count/very-long");
        assertThat(CounterInterval.COUNT_BY_CLASS.contains("count/unclassified")).isFalse();
        assertThatThrownBy(() -> CounterInterval.COUNT_BY_CLASS.nameOf("bicycle")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SignReport.MESSAGE.nameOf(0)).isEqualTo("message/00");
        assertThat(SignReport.PNG.nameOf(7)).isEqualTo("png/007");
        assertThat(SignReport.PNG.contains("png/bytes")).isFalse();
        assertThat(SignReport.PNG.part("png/012")).isEqualTo("012");
        assertThat(SensorReading.VALUE.nameOf(SensorReading.instance(3303, 0))).isEqualTo("3303/0/5700");
        assertThat(SensorReading.APPLICATION_TYPE.nameOf(SensorReading.instance(3300, 1))).isEqualTo("3300/1/5750");
        assertThat(SensorReading.VALUE.contains("3300/0/5750")).isFalse();
        assertThat(SensorReading.KIND.knows("3304/0/5700")).isTrue();
        assertThat(AlarmEvent.DETAIL.of("visibility").name()).isEqualTo("detail/visibility");
        assertThat(AlarmEvent.DETAIL.accepts("a key with spaces")).isFalse();
        assertThat(AlarmEvent.RAISED.knows("reason")).isFalse();
        assertThat(AlarmEvent.CLEARED.knows("reason")).isTrue();
    }

    @Test
    void metricsReadDecodedValuesByType() {
        assertThat(CounterInterval.COUNT.valueOf(12L)).isEqualTo(12.0);
        assertThat(CounterInterval.COUNT.valueOf("12")).isNull();
        assertThat(TicketRedemption.TICKET.valueOf(4711L)).isEqualTo("4711");
        assertThat(CounterInterval.FAULT.valueOf(true)).isTrue();
        assertThat(CounterInterval.FAULT.valueOf(1L)).isNull();
        assertThat(AlarmEvent.DETAIL.of("visibility").valueOf(80L)).isEqualTo(80L);
        assertThat(SignReport.STATE.valueOf(null)).isNull();
    }

    @Test
    void aKindRefusesBadNamesPrioritiesAndTwiceNamedMeasurements() {
        assertThatThrownBy(() -> RecordKind.of("Counter Interval", 2, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordKind("x.y", OptionalInt.of(4), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordKind.of("x.y", 2, List.of(Metric.text("a"), Metric.number("a", null)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Metric.text("a name with spaces")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(List<Metric<?>> metrics) {
        return metrics.stream().map(Metric::name).toList();
    }

    private static SenmlRecord sample(Metric<?> m) {
        if (m.type() == Double.class) {
            return SenmlRecord.number(m.name(), m.unit(), 1);
        }
        return m.type() == Boolean.class ? SenmlRecord.flag(m.name(), true) : SenmlRecord.text(m.name(), "x");
    }
}
