package cn.taihang.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.RecordKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fake the device tests use keeps the contract the real store keeps. */
@Tag("unit")
class FakeOutboxContractTest extends OutboxContract {

    private final FakeOutbox fake = new FakeOutbox();

    @Override
    protected Outbox outbox() {
        return fake;
    }

    @Override
    protected long held() {
        return fake.records().size();
    }

    @Override
    protected OutboundRecord refusedFor(OutboxException.Reason reason) {
        fake.refuse(reason);
        return record(Priority.CRITICAL, 7);
    }

    @Test
    void itFindsRecordsByKindAndTheLatestMeasurementAndCanBreakTheContractOnPurpose() {
        fake.publish(record(Priority.NORMAL, 3));
        fake.publish(record(Priority.NORMAL, 4));
        assertThat(fake.ofKind(RecordKinds.COUNTER_INTERVAL)).hasSize(2);
        assertThat(fake.latest(RecordKinds.COUNTER_INTERVAL, "count")).isEqualTo("4.0");
        assertThat(fake.latest(RecordKinds.SIGN_STATUS, "count")).isNull();
        fake.refuse(OutboxException.Reason.FULL);
        fake.publish(record(Priority.NORMAL, 5));
        assertThat(fake.refused()).isEqualTo(1);
        fake.throwOnPublish(new IllegalStateException("broken outbox"));
        assertThatThrownBy(() -> fake.publish(record(Priority.NORMAL, 6))).hasMessage("broken outbox");
    }
}
