package cn.taihang.simulator.faults;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The gateway's {@code Outbox} service seen from outside the framework: the classes of the gateway API live in the
 * framework's class space, not on this JVM's class path, so the load producer reaches them by name. This keeps the
 * gateway exactly as a Raspberry Pi runs it (same bundles, same wiring); only the producer sits outside.
 */
final class FrameworkOutbox {

    private static final String API = "cn.taihang.gateway.api.";

    private final Object service;
    private final Method publish;
    private final Constructor<?> record;
    private final Method text;
    private final Method number;
    private final Class<?> priorityType;

    private FrameworkOutbox(Object service, Class<?> outbox, Class<?> recordType, Class<?> measurement, Class<?> priorityType)
            throws ReflectiveOperationException {
        this.service = service;
        this.publish = outbox.getMethod("publish", recordType);
        this.record = recordType.getConstructor(String.class, String.class, priorityType, Instant.class, List.class);
        this.text = measurement.getMethod("text", String.class, String.class);
        this.number = measurement.getMethod("number", String.class, String.class, double.class);
        this.priorityType = priorityType;
    }

    /**
     * Waits for the outbox service of a running gateway.
     *
     * @throws IllegalStateException if it does not appear within the timeout
     */
    static FrameworkOutbox await(BundleContext context, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            ServiceReference<?> ref = context.getServiceReference(API + "Outbox");
            Object service = ref == null ? null : context.getService(ref);
            if (service != null) {
                try {
                    var bundle = ref.getBundle();
                    return new FrameworkOutbox(service, bundle.loadClass(API + "Outbox"), bundle.loadClass(API + "OutboundRecord"),
                            bundle.loadClass(API + "Measurement"), bundle.loadClass(API + "Priority"));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("the gateway API does not look as expected: " + e, e);
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no Outbox service within " + timeoutMillis + " ms; is the store bundle active?");
    }

    /**
     * Publishes one record with text and number measurements.
     *
     * @return the outbox's stage: the sequence number once durable, or its refusal
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    CompletionStage<Long> publish(String device, String kind, String priority, Instant time, String eventId, long n) {
        try {
            Object p = Enum.valueOf((Class) priorityType, priority);
            List<Object> values = List.of(text.invoke(null, "event", eventId), number.invoke(null, "n", null, (double) n));
            return (CompletionStage<Long>) publish.invoke(service, record.newInstance(device, kind, p, time, values));
        } catch (InvocationTargetException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (ReflectiveOperationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
