package cn.taihang.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.spi.RecordQueue;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store's OSGi component is what the uplink gets as its {@link RecordQueue}: every method the SPI gives a default
 * must be delegated to the store, or a gateway would run on the default — as happened with {@code incarnation()}, so
 * that every batch from a real gateway said "no incarnation" while the embedded store's tests passed.
 */
@Tag("unit")
class StoreComponentDelegationTest {

    @Test
    void theComponentDelegatesEveryDefaultMethodOfTheRecordQueue() {
        String[] notDelegated = Arrays.stream(RecordQueue.class.getMethods()).filter(Method::isDefault)
                .filter(m -> !declares(m)).map(Method::getName).toArray(String[]::new);

        assertThat(notDelegated).as("RecordQueue default methods StoreComponent does not override").isEmpty();
    }

    private static boolean declares(Method m) {
        try {
            StoreComponent.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
