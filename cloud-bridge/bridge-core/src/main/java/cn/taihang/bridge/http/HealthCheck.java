package cn.taihang.bridge.http;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** UP when the database answers and the MQTT client is connected and subscribed; DOWN otherwise. */
public final class HealthCheck {

    private static final long DB_TIMEOUT_MS = 2000;

    private final Supplier<Future<Void>> databasePing;
    private final BooleanSupplier mqttConnected;
    private final String broker;
    private final boolean embeddedBroker;

    /**
     * @param databasePing a trivial query on the database
     * @param mqttConnected whether the MQTT client is connected
     * @param broker the broker's URL, shown to operators
     * @param embeddedBroker whether the bridge runs the broker itself
     */
    public HealthCheck(Supplier<Future<Void>> databasePing, BooleanSupplier mqttConnected, String broker, boolean embeddedBroker) {
        this.databasePing = databasePing;
        this.mqttConnected = mqttConnected;
        this.broker = broker;
        this.embeddedBroker = embeddedBroker;
    }

    /**
     * What the check found.
     *
     * @param database whether the database answered
     * @param mqtt whether the MQTT client is connected and subscribed
     * @param broker the broker's URL
     * @param embeddedBroker whether the bridge runs the broker itself
     */
    public record Health(boolean database, boolean mqtt, String broker, boolean embeddedBroker) {

        /** @return whether the bridge can ingest */
        public boolean up() {
            return database && mqtt;
        }
    }

    /** @return the health; never fails (a part that does not answer is down) */
    public Future<Health> check() {
        boolean mqtt = mqttConnected.getAsBoolean();
        return databasePing.get().timeout(DB_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .map(true).recover(err -> Future.succeededFuture(false))
                .map(db -> new Health(db, mqtt, broker, embeddedBroker));
    }
}
