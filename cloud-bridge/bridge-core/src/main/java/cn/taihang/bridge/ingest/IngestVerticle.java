package cn.taihang.bridge.ingest;

import cn.taihang.bridge.broker.BrokerConnection;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Runs the bridge's MQTT connection on its own event loop; the work is done by {@link IngestRouter}. */
public final class IngestVerticle extends VerticleBase {

    private final BrokerConnection connection;

    /** @param connection the connection whose messages go to the ingest router */
    public IngestVerticle(BrokerConnection connection) {
        this.connection = connection;
    }

    @Override
    public Future<?> start() {
        return connection.start();
    }

    @Override
    public Future<?> stop() {
        return connection.stop();
    }
}
