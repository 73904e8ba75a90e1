package cn.taihang.bridge;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.MosquittoBroker;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridge instances as a province runs them, in one JVM: Debian's mosquitto, ONE throwaway PostgreSQL, and instances
 * {@code bridge-a}, {@code bridge-b}, … each with its own Vert.x and its own identity from the test CA, all in one share
 * group, sharing the database and the signing key file.
 */
final class BridgeCluster implements AutoCloseable {

    static final String GROUP = "bridges";

    private final MosquittoBroker broker;
    private final Path dir;
    private final List<RunningBridge> instances = new ArrayList<>();
    private final List<ApiClient> clients = new ArrayList<>();

    /** Starts the broker and {@code count} instances; needs mosquitto installed. */
    BridgeCluster(TestSecurity security, Path dir, int count) throws Exception {
        this.dir = dir;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("bridge-" + (char) ('a' + i));
        }
        broker = new MosquittoBroker(dir, security.pki(), ids.toArray(String[]::new)).start();
        BridgeOptions first = options(security, ids.get(0), BridgeOptions.ephemeral(dir.resolve(ids.get(0))).withDatabase(
                TestStorage.POSTGRESQL.options(dir.resolve(ids.get(0))).database()), null);
        for (String id : ids) {
            BridgeOptions options = id.equals(ids.get(0)) ? first : options(security, id, BridgeOptions.ephemeral(dir.resolve(id)), first);
            RunningBridge bridge = Bridge.start(options).toCompletableFuture().get();
            instances.add(bridge);
            clients.add(security.client(bridge, Scopes.RENTAL_DESK, Scopes.TELEMETRY_READ, Scopes.TICKETS_SELL, Scopes.METRICS_READ));
        }
    }

    private BridgeOptions options(TestSecurity security, String id, BridgeOptions base, BridgeOptions first) {
        BridgeOptions shared = first == null ? base : base.withDatabase(first.database()).withKeyFile(first.signingKeyFile());
        return security.secure(shared, id).withShareGroup(GROUP).withExternalBroker(BrokerAddress.parse(broker.url()));
    }

    /** @return the broker's URL, for gateways */
    String brokerUrl() {
        return broker.url();
    }

    /** @return instance {@code i} */
    RunningBridge instance(int i) {
        return instances.get(i);
    }

    /** @return an HTTP client of instance {@code i} with the desk's, the shop's and the operator's read scopes */
    ApiClient api(int i) {
        return clients.get(i);
    }

    /** @return the first column of the first row of a query on the shared database, 0 if there is none */
    long count(String sql) throws Exception {
        try (Connection c = TestStorage.POSTGRESQL.connect(dir.resolve("bridge-a")); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Closes what is still running; an instance that was {@link RunningBridge#abort() aborted} is passed over. */
    @Override
    public void close() throws Exception {
        clients.forEach(ApiClient::close);
        for (RunningBridge bridge : instances) {
            if (!aborted.contains(bridge)) {
                bridge.close();
            }
        }
        broker.close();
    }

    private final List<RunningBridge> aborted = new ArrayList<>();

    /** Kills instance {@code i} the in-JVM way ({@link RunningBridge#abort()}) and waits until its Vert.x is closed. */
    void abort(int i) throws Exception {
        aborted.add(instances.get(i));
        instances.get(i).abort().toCompletableFuture().get();
    }
}
