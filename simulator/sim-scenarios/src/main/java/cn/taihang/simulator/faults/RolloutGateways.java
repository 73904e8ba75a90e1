package cn.taihang.simulator.faults;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.ProcessFleet;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateways of the rollout scenario: each a child JVM booted from its software slots by the launcher's
 * {@code SlottedGateway} (the distribution's bundles as its factory slot) with a load producer inside, its uplink to the
 * bridge's broker and its updater fetching from the bridge's HTTPS through a {@link CountingProxy} of its own (its
 * metered 5G link, capped). What they print is watched: every boot's release and readiness, every update step, what
 * the store found when it opened.
 */
final class RolloutGateways implements AutoCloseable {

    /** Board of the simulated gateways. */
    static final String BOARD = "raspberry-pi-4";
    private static final List<String> JVM = List.of("-Xmx112m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1");
    private static final Pattern READY = Pattern.compile("gateway (\\S+) (ready in|is running but NOT fully up after) (\\d+) ms \\(release (\\S+)( on trial)?\\)");
    private static final Pattern STEP = Pattern.compile("update (\\S+) of release (\\S+) \\(rollout (\\d+) attempt (\\d+)\\)");
    private static final Pattern STORE_OPEN = Pattern.compile("Store open: (\\S+) \\((\\d+) records waiting, last sequence (\\d+)");

    /** One gateway of the run. */
    record Gateway(String id, Scenario.Site site, Path dir, Path config, CountingProxy link, Journal journal) {

        Path data() {
            return dir.resolve("data");
        }
    }

    /** What a boot printed: the release it runs, on trial or not, and whether every component came up. */
    record Boot(String release, boolean trying, boolean ready, long millis) {}

    /** What the store said when it opened: its file, the records it holds, its last sequence number. */
    record StoreOpened(Path file, long records, long lastSeq) {}

    /** An update step a gateway reported. */
    record Step(String release, String step, int attempt) {}

    /**
     * The slots' state file as read from outside.
     *
     * @param phase IDLE, STAGING, STAGED or TRYING ({@code none} before the first update)
     * @param committed the committed release
     * @param pending the release staged or on trial, or empty
     */
    record Slots(String phase, String committed, String pending) {

        @Override
        public String toString() {
            return phase.equals("IDLE") || phase.equals("none") ? phase + " (on " + committed + ")" : phase + " " + pending;
        }
    }

    /** Told of every update step a gateway reports. */
    interface StepListener {
        /** @param pid the process that reported it */
        void step(String gatewayId, long pid, String release, String step, int attempt);
    }

    private final Path runDir;
    private final RunningBridge bridge;
    private final Path releaseKey;
    private final long linkBytesPerSecond;
    private final ProcessFleet fleet;
    private final Map<String, Gateway> gateways = new LinkedHashMap<>();
    private final Map<String, Boot> lastBoot = new ConcurrentHashMap<>();
    private final Map<String, StoreOpened> lastStoreOpen = new ConcurrentHashMap<>();
    private final Map<String, Path> storeFiles = new ConcurrentHashMap<>();
    private final Map<String, Integer> boots = new ConcurrentHashMap<>();
    private final Map<String, List<Step>> steps = new ConcurrentHashMap<>();
    private volatile StepListener listener = (g, p, r, s, a) -> { };

    /**
     * @param releaseKey the release public key pinned on every gateway
     * @param linkBytesPerSecond each gateway's link to the release server, bytes per second each way
     * @param rate load records per second and gateway
     */
    RolloutGateways(Path runDir, Path distDir, RunningBridge bridge, Path releaseKey, long linkBytesPerSecond, int rate) throws IOException {
        this.runDir = runDir;
        this.bridge = bridge;
        this.releaseKey = releaseKey;
        this.linkBytesPerSecond = linkBytesPerSecond;
        this.fleet = new ProcessFleet(distDir, JVM, new ProcessFleet.MainClass(LoadGatewayMain.class.getName(), CrashRun.simulatorClasses(),
                List.of("--rate", String.valueOf(rate), "--slotted", BOARD)), this::line);
    }

    void onStep(StepListener stepListener) {
        this.listener = stepListener;
    }

    /** Enrols a gateway for the site, gives it its token, its link and its configuration. */
    Gateway add(Scenario.Site site) throws IOException {
        String id = "gw-" + site.id();
        Path dir = runDir.resolve("gateways").resolve(id);
        Path identity = BridgeAccess.enrolGateway(bridge, runDir, id, site.id());
        Path token = dir.resolve("bridge.token");
        Files.createDirectories(dir);
        Files.deleteIfExists(token);
        Files.createFile(token, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(token, BridgeAccess.token(bridge.tokenIssuerDir(), id, Duration.ofDays(1), Scopes.FLEET_GATEWAY) + "\n");
        URI http = URI.create(bridge.httpUrl());
        CountingProxy link = new CountingProxy(http.getHost(), http.getPort(), linkBytesPerSecond);
        Path config = dir.resolve("gateway.json");
        LoadGatewayConfig.write(config, id, site.id(), site.bilingualName(), bridge.brokerUrl(), identity, Map.of("cn.taihang.updater", Map.of(
                "releaseServer", link.httpsUrl(), "releaseKeyFile", releaseKey.toAbsolutePath().toString(), "identityDir", identity.toAbsolutePath().toString(),
                "tokenFile", token.toAbsolutePath().toString(), "healthTimeoutSeconds", 90, "retryMillis", 500)));
        Gateway gateway = new Gateway(id, site, dir, config, link, new Journal(dir.resolve("data").resolve(LoadProducer.JOURNAL)));
        gateways.put(id, gateway);
        return gateway;
    }

    /** Starts (or restarts) a gateway's process and waits for its first boot to say whether it is up. */
    GatewayFleet.Started start(String id) throws IOException {
        Gateway g = gateways.get(id);
        try {
            return fleet.start(id, g.config(), g.data());
        } catch (FleetException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code kill -9} of a gateway's process, waiting until it is gone; what its store said at its last opening is forgotten. */
    void kill(String id) {
        fleet.kill(id);
        lastStoreOpen.remove(id);
    }

    /** Asks every gateway's load producer to stop. */
    /** Stops every gateway's load and waits until each has journalled its last answered record. @return those that did not confirm */
    java.util.List<Path> stopLoad() throws IOException {
        return LoadProducer.stopAndAwait(gateways.values().stream().map(Gateway::data).toList(), Duration.ofSeconds(60));
    }

    Map<String, Gateway> all() {
        return gateways;
    }

    Gateway get(String id) {
        return gateways.get(id);
    }

    long pid(String id) {
        return fleet.pid(id);
    }

    boolean alive(String id) {
        return fleet.running().contains(id);
    }

    /** @return what the gateway's last boot printed, or {@code null} before its first */
    Boot lastBoot(String id) {
        return lastBoot.get(id);
    }

    /** @return how many times a framework came up in the gateway's processes (boots, switches, rollbacks) */
    int boots(String id) {
        return boots.getOrDefault(id, 0);
    }

    /** @return what the gateway's slots' state file says now */
    Slots slots(String id) throws IOException {
        Path file = gateways.get(id).data().resolve("slots").resolve("state.properties");
        if (!Files.exists(file)) {
            return new Slots("none", "factory", "");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new Slots(p.getProperty("phase", "IDLE"), p.getProperty("committed.release", "?"), p.getProperty("pending.release", ""));
    }

    /** @return every update step the gateway reported, in order */
    List<Step> steps(String id) {
        return List.copyOf(steps.getOrDefault(id, List.of()));
    }

    /** @return what the gateway's store said when it last opened, or {@code null} */
    StoreOpened lastStoreOpen(String id) {
        return lastStoreOpen.get(id);
    }

    /** @return the gateway's store file, as its store named it (or where it goes by default) */
    Path storeFile(String id) {
        return storeFiles.getOrDefault(id, gateways.get(id).data().resolve("store.db"));
    }

    private void line(String id, long pid, String line) {
        Matcher step = STEP.matcher(line);
        if (step.find()) {
            steps.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(new Step(step.group(2), step.group(1), Integer.parseInt(step.group(4))));
            listener.step(id, pid, step.group(2), step.group(1), Integer.parseInt(step.group(4)));
            return;
        }
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
            lastBoot.put(id, new Boot(ready.group(4), ready.group(5) != null, ready.group(2).startsWith("ready"), Long.parseLong(ready.group(3))));
            boots.merge(id, 1, Integer::sum);
            return;
        }
        Matcher store = STORE_OPEN.matcher(line);
        if (store.find()) {
            Path file = Path.of(store.group(1));
            Path absolute = file.isAbsolute() ? file : gateways.get(id).data().resolve(file);
            storeFiles.put(id, absolute);
            lastStoreOpen.put(id, new StoreOpened(absolute, Long.parseLong(store.group(2)), Long.parseLong(store.group(3))));
        }
    }

    @Override
    public void close() {
        fleet.close();
        gateways.values().forEach(g -> g.link().close());
    }
}
