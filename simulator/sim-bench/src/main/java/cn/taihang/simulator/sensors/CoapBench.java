package cn.taihang.simulator.sensors;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.coap.api.SensorKeys;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * {@code ./taihang bench coap}: requests per second through the gateway's whole sensor pipeline (a real
 * gateway in Felix: CoAP decode, SenML, normalise, thresholds, SQLite store) against a bare Californium
 * server answering the same requests with 2.04, side by side in one run, plain CoAP and DTLS.
 */
final class CoapBench {

    private final PrintStream out;
    private final int clients;
    private final int window;
    private final Duration duration;
    private final Path distDir;

    CoapBench(PrintStream out, int clients, int window, Duration duration, Path distDir) {
        this.out = out;
        this.clients = clients;
        this.window = window;
        this.duration = duration;
        this.distDir = distDir;
    }

    /** Runs every phase and prints the table and the RESULT line. @return the plain-CoAP ratio pipeline / bare */
    double run() throws Exception {
        Path dir = Files.createTempDirectory("taihang-bench-coap");
        List<String> identities = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            identities.add("bench-" + i);
        }
        out.printf("CoAP benchmark: %d sensors x %d requests in flight, %d s per phase, SenML JSON pack of %d bytes, on 127.0.0.1%n", clients, window,
                duration.toSeconds(), CoapLoad.PACK.length);
        List<String[]> rows = new ArrayList<>();
        double plainRatio;
        double dtlsRatio;
        SensorKeyProvisioner provisioner = new SensorKeyProvisioner();
        RunningBridge bridge = Bridge.start(BridgeAccess.secure(BridgeOptions.ephemeral(dir.resolve("bridge")), dir), List.of(provisioner)).toCompletableFuture().get(60, TimeUnit.SECONDS);
        int securePort = port();
        int plainPort = port();
        Path config = Files.writeString(dir.resolve("gateway.json"), """
                {
                  "cn.taihang.gateway": {"gatewayId": "gw-bench", "site": "bench", "identityDir": "%s"},
                  "cn.taihang.cloudlink": {"brokerUrl": "%s"},
                  "cn.taihang.coap": {"bindAddress": "127.0.0.1", "securePort": %d, "plainPort": %d, "requestsPerMinute": 100000000,
                                      "burst": 1000000, "maxPending": 100000}
                }
                """.formatted(BridgeAccess.enrolGateway(bridge, dir, "gw-bench", "bench").toAbsolutePath(), bridge.brokerUrl(), securePort, plainPort));
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, dir.resolve("gateway"), distDir.resolve("bundles"), Map.of(),
                Duration.ofSeconds(30)))) {
            if (!gateway.readiness().ready()) {
                throw new IOException("the benchmark gateway did not come up: " + gateway.readiness().problems());
            }
            provision(provisioner, identities, gateway.framework().getBundleContext());
            bridge.close();
            try (BareServer bare = new BareServer(identities); Clients warmUp = plainClients(plainPort)) {
                CoapLoad.run(warmUp.endpoints, warmUp.uris, window, Duration.ofSeconds(5));
                Result bp = phase("bare Californium", "coap", plainClients(bare.plainPort()));
                Result pp = phase("gateway pipeline", "coap", plainClients(plainPort));
                Result bd = phase("bare Californium", "coaps", dtlsClients(identities, bare.securePort()));
                Result pd = phase("gateway pipeline", "coaps", dtlsClients(identities, securePort));
                for (Result r : List.of(bp, pp, bd, pd)) {
                    rows.add(r.row());
                }
                plainRatio = pp.load.perSecond() / bp.load.perSecond();
                dtlsRatio = pd.load.perSecond() / bd.load.perSecond();
                out.println();
                out.printf("| %-17s | %-9s | %9s | %9s | %8s | %12s |%n", "server", "transport", "2.04", "other", "req/s", "mean latency");
                out.printf("|%s|%s|%s|%s|%s|%s|%n", "-".repeat(19), "-".repeat(11), "-".repeat(11), "-".repeat(11), "-".repeat(10), "-".repeat(14));
                rows.forEach(r -> out.printf("| %-17s | %-9s | %9s | %9s | %8s | %12s |%n", (Object[]) r));
                out.println();
                out.printf("pipeline / bare: plain CoAP %.2f, CoAP over DTLS %.2f (goal for plain CoAP: >= 0.8)%n", plainRatio, dtlsRatio);
                out.printf("RESULT coap ratio=%.2f pipeline_rps=%.0f bare_rps=%.0f dtls_ratio=%.2f dtls_pipeline_rps=%.0f dtls_bare_rps=%.0f%n", plainRatio,
                        pp.load.perSecond(), bp.load.perSecond(), dtlsRatio, pd.load.perSecond(), bd.load.perSecond());
            }
        } finally {
            bridge.close();
        }
        return plainRatio;
    }

    private record Result(String server, String transport, CoapLoad.Result load) {
        String[] row() {
            return new String[] {server, transport, Long.toString(load.changed()), Long.toString(load.other() + load.failed()),
                String.format("%.0f", load.perSecond()), String.format("%.2f ms", load.meanMillis())};
        }
    }

    /** Warms up 3 s, then measures; the pipeline's code was warmed up 5 s more before the first phase. */
    private Result phase(String server, String transport, Clients endpoints) throws InterruptedException {
        try (endpoints) {
            CoapLoad.run(endpoints.endpoints, endpoints.uris, window, Duration.ofSeconds(3));
            CoapLoad.Result result = CoapLoad.run(endpoints.endpoints, endpoints.uris, window, duration);
            out.printf("  %-17s %-6s %8.0f req/s%n", server, transport, result.perSecond());
            return new Result(server, transport, result);
        }
    }

    private void provision(SensorKeyProvisioner provisioner, List<String> identities, BundleContext context) throws Exception {
        List<SensorKeys.Entry> entries = identities.stream().map(id -> new SensorKeys.Entry(id, id, key(id))).toList();
        SensorKeyProvisioner.sendSealed(provisioner.commands(), "bench", "gw-bench", new SensorKeys(1, entries).toJson(),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        ServiceReference<?>[] refs = context.getAllServiceReferences("cn.taihang.coap.api.CoapSensorServer", null);
        Object server = context.getService(refs[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((long) server.getClass().getMethod("keysVersion").invoke(server) != 1) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the benchmark gateway did not get its sensor keys within 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static byte[] key(String identity) {
        return ("key-of-" + identity + "-0123456789").getBytes(StandardCharsets.US_ASCII);
    }

    private Clients plainClients(int port) {
        Clients c = new Clients();
        for (int i = 0; i < clients; i++) {
            CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(VirtualSensor.configuration()).build();
            c.add(endpoint, "coap://127.0.0.1:" + port + "/senml?sensor=bench-" + i);
        }
        return c;
    }

    private Clients dtlsClients(List<String> identities, int port) {
        Clients c = new Clients();
        for (String id : identities) {
            Configuration config = VirtualSensor.configuration();
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                    .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(id, key(id))).build();
            c.add(CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build(), "coaps://127.0.0.1:" + port + "/senml");
        }
        return c;
    }

    private static int port() throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The client endpoints of one phase. */
    private static final class Clients implements AutoCloseable {
        final List<CoapEndpoint> endpoints = new ArrayList<>();
        final List<String> uris = new ArrayList<>();

        void add(CoapEndpoint endpoint, String uri) {
            try {
                endpoint.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            endpoints.add(endpoint);
            uris.add(uri);
        }

        @Override
        public void close() {
            endpoints.forEach(CoapEndpoint::destroy);
        }
    }

    /** Californium alone: the same resource path, answering 2.04 after reading the payload; plain and DTLS. */
    private static final class BareServer implements AutoCloseable {
        private final CoapServer server;
        private final CoapEndpoint plain;
        private final CoapEndpoint secure;

        BareServer(List<String> identities) {
            Configuration config = VirtualSensor.configuration();
            config.set(org.eclipse.californium.core.config.CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 2);
            config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 2);
            AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
            identities.forEach(id -> keys.setKey(id, key(id)));
            server = new CoapServer(config);
            server.add(new CoapResource("senml") {
                @Override
                public void handlePOST(CoapExchange exchange) {
                    if (exchange.getRequestPayload().length > 0) {
                        exchange.respond(ResponseCode.CHANGED);
                    } else {
                        exchange.respond(ResponseCode.BAD_REQUEST);
                    }
                }
            });
            plain = CoapEndpoint.builder().setConfiguration(config).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                    .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                    .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(keys).build();
            secure = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
            server.addEndpoint(plain);
            server.addEndpoint(secure);
            server.start();
        }

        int plainPort() {
            return plain.getAddress().getPort();
        }

        int securePort() {
            return secure.getAddress().getPort();
        }

        @Override
        public void close() {
            server.destroy();
        }
    }
}
