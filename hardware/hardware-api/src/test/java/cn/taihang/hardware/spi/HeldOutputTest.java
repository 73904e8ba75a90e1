package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.BoardProfile;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.PinStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HeldOutputTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Boolean> driven = new CopyOnWriteArrayList<>();
    private final List<HardwareException> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();
    private final AtomicBoolean broken = new AtomicBoolean();
    private HeldPin held;
    private HeldOutput output;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private HeldOutput open() throws Exception {
        held = new PinTable(BoardProfile.load("raspberry-pi-4")).claim(18, PinStatus.Direction.OUTPUT, "gate-1 relay", false);
        output = new HeldOutput(held, scheduler, high -> {
            if (broken.get()) {
                throw new HardwareException(HardwareException.Reason.IO_ERROR, "relay driver gone");
            }
            driven.add(high);
            held.change(high, System.currentTimeMillis() * 1_000);
        }, releases::incrementAndGet, failures::add);
        return output;
    }

    @Test
    void setDrivesAndRecords() throws Exception {
        open().set(true);

        assertThat(driven).containsExactly(true);
        assertThat(output.isHigh()).isTrue();
        assertThat(held.status().edges()).isEqualTo(1);
        assertThat(output.pin()).isEqualTo(18);
    }

    @Test
    void aPulseEndsLowAndASetCancelsIt() throws Exception {
        open().pulse(Duration.ofMillis(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> driven.equals(List.of(true, false)));

        output.pulse(Duration.ofMillis(50));
        output.set(true);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(output::isHigh);
        assertThatThrownBy(() -> output.pulse(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeDrivesLowReleasesOnceAndRefusesUse() throws Exception {
        open().set(true);
        output.close();
        output.close();

        assertThat(driven).containsExactly(true, false);
        assertThat(releases.get()).isEqualTo(1);
        assertThatThrownBy(() -> output.set(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> output.pulse(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void driverFailuresReachTheCallerOrTheFailureHandler() throws Exception {
        open();
        broken.set(true);

        assertThatThrownBy(() -> output.set(true)).isInstanceOfSatisfying(HardwareException.class,
                e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.IO_ERROR));
        assertThat(output.isHigh()).as("nothing recorded that was not driven").isFalse();
        output.close();
        assertThat(failures).hasSize(1);
        assertThat(releases.get()).as("released even if driving low failed").isEqualTo(1);
    }
}
