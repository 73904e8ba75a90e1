package cn.taihang.bridge.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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

    /** @return the health document; never fails ({@code status} says DOWN instead) */
    public Future<JsonObject> check() {
        boolean mqtt = mqttConnected.getAsBoolean();
        return databasePing.get().timeout(DB_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .map(true).recover(err -> Future.succeededFuture(false))
                .map(db -> new JsonObject()
                        .put("status", db && mqtt ? "UP" : "DOWN")
                        .put("database", db ? "UP" : "DOWN")
                        .put("mqtt", mqtt ? "UP" : "DOWN")
                        .put("broker", broker)
                        .put("brokerMode", embeddedBroker ? "embedded" : "external"));
    }
}
