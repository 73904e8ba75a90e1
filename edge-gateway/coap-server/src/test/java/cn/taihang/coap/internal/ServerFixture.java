package cn.taihang.coap.internal;

import cn.taihang.coap.api.SensorKeys;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.testkit.config.Configs;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CoAP server component on 127.0.0.1 (free ports, plain lab port on) with a recording handler. */
final class ServerFixture implements AutoCloseable {

    static final String GATEWAY = "gw-test";

    final RecordingHandler handler = new RecordingHandler();
    final CoapServerComponent server;
    private long commandId;

    /** @param dir holds the data directory ({@code data}) and, apart from it, the identity directory ({@code identity}) */
    ServerFixture(Path dir, Map<String, Object> overrides) throws Exception {
        Map<String, Object> values = new HashMap<>(Map.of("bindAddress", "127.0.0.1", "securePort", 0, "plainPort", 0));
        values.putAll(overrides);
        server = new CoapServerComponent(dir.resolve("data"), Configs.of(CoapServerConfig.class, values), GATEWAY, dir.resolve("identity"));
        server.setHandler(handler);
    }

    /** Provisions the given identity → ASCII key pairs (sensor id = identity) as the bridge would. */
    String provision(long version, Map<String, String> keys) throws Exception {
        List<SensorKeys.Entry> entries = keys.entrySet().stream()
                .map(e -> new SensorKeys.Entry(e.getKey(), e.getKey(), e.getValue().getBytes(StandardCharsets.US_ASCII))).toList();
        byte[] body = new SensorKeys(version, entries).toJson();
        return server.handle(new IncomingCommand(++commandId, SensorKeys.COMMAND, System.currentTimeMillis(), false, body));
    }

    InetSocketAddress secure() {
        return server.secureAddress();
    }

    InetSocketAddress plain() {
        return server.plainAddress().orElseThrow();
    }

    String secureUri(String path) {
        return "coaps://127.0.0.1:" + secure().getPort() + path;
    }

    String plainUri(String path) {
        return "coap://127.0.0.1:" + plain().getPort() + path;
    }

    long count(String counter) {
        return server.counters().get(counter);
    }

    @Override
    public void close() {
        server.deactivate();
    }
}
