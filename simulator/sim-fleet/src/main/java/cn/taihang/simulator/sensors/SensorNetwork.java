package cn.taihang.simulator.sensors;

import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.coap.api.SensorKeys;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.simulator.fleet.GatewayPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The virtual 5G sensors of a simulated network: which gateways get which sensors (road posts and the
 * 0 km post), each gateway's CoAP configuration and sensor profiles (added to its configuration file), the
 * keys the simulated operator provisions through the bridge (retained {@code sensor-keys} commands), and
 * the sensors posting the weather every report period.
 */
public final class SensorNetwork implements AutoCloseable {

    private static final long PROVISIONING_TIMEOUT_SECONDS = 120;

    private final Map<String, List<SensorPlan>> byGateway = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, GatewayPlan> gateways = new LinkedHashMap<>();
    private final List<VirtualSensor> sensors = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.numbered("virtual-sensors"));

    private SensorNetwork() {
    }

    /**
     * Plans sensors for the gateways whose sites have them, each gateway's CoAPS port chosen free on 127.0.0.1.
     *
     * @param plans the gateways of the run
     * @param seed key and phase randomness
     */
    public static SensorNetwork plan(List<GatewayPlan> plans, long seed) {
        SensorNetwork network = new SensorNetwork();
        Random random = new Random(seed);
        for (GatewayPlan plan : plans) {
            List<SensorPlan> sensors = SensorPlan.forSite(plan.site(), random);
            if (!sensors.isEmpty()) {
                network.byGateway.put(plan.gatewayId(), sensors);
                network.gateways.put(plan.gatewayId(), plan);
                network.ports.put(plan.gatewayId(), freeUdpPort());
            }
        }
        return network;
    }

    /** @return the sensors planned per gateway id */
    public Map<String, List<SensorPlan>> sensors() {
        return byGateway;
    }

    /** @return the CoAPS port of a gateway that has sensors */
    public int port(String gatewayId) {
        return ports.get(gatewayId);
    }

    /** @return the ids of the scenic sites (where holiday crowds gather) */
    public java.util.Set<String> scenicSites() {
        java.util.Set<String> sites = new java.util.TreeSet<>();
        byGateway.values().forEach(list -> list.stream().filter(s -> s.role() == SensorPlan.Role.PARKING).forEach(s -> sites.add(s.site())));
        return sites;
    }

    /**
     * Adds the CoAP server and the sensor profiles to a gateway's configuration file (written by
     * {@link GatewayPlan#writeConfiguration}); gateways without sensors are left as they are.
     */
    public void configure(GatewayPlan plan, Path configFile, int reportSeconds) {
        List<SensorPlan> sensors = byGateway.get(plan.gatewayId());
        if (sensors == null) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(configFile.toFile());
            ObjectNode coap = root.putObject("cn.taihang.coap");
            coap.put("bindAddress", "127.0.0.1");
            coap.put("securePort", ports.get(plan.gatewayId()));
            for (SensorPlan s : sensors) {
                ObjectNode config = root.putObject("cn.taihang.roadsensors.sensor~" + s.role().prefix);
                config.put("sensor", s.sensorId());
                config.put("description", s.description());
                if (s.km() >= 0) {
                    config.put("section", s.section());
                    config.put("km", s.km());
                }
                config.put("reportSeconds", reportSeconds);
                ArrayNode types = config.putArray("applicationTypes");
                s.configuredApplicationTypes().forEach(types::add);
            }
            mapper.writeValue(configFile.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the sensors to " + configFile, e);
        }
    }

    /**
     * Provisions every gateway's keys through the bridge and starts the sensors.
     *
     * @param commands the bridge's command sender
     * @param weather what the sensors measure
     * @param period how often each sensor reports
     * @param clock the time the sensors stamp (and read the weather at)
     * @throws IOException if the bridge does not take the commands
     */
    public void start(GatewayCommands commands, Weather weather, Duration period, Clock clock) throws IOException {
        long version = System.currentTimeMillis();
        Map<String, java.util.concurrent.CompletableFuture<?>> sent = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<SensorPlan>> e : byGateway.entrySet()) {
            GatewayPlan gateway = gateways.get(e.getKey());
            List<SensorKeys.Entry> keys = e.getValue().stream().map(s -> new SensorKeys.Entry(s.sensorId(), s.sensorId(), s.key())).toList();
            sent.put(gateway.gatewayId(), commands.send(gateway.site().id(), gateway.gatewayId(), SensorKeys.COMMAND, new SensorKeys(version, keys).toJson(), true, 0)
                    .toCompletionStage().toCompletableFuture());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROVISIONING_TIMEOUT_SECONDS);
        for (Map.Entry<String, java.util.concurrent.CompletableFuture<?>> e : sent.entrySet()) {
            try {
                e.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e2) {
                throw new IOException("the bridge did not take the sensor keys of " + e.getKey() + " within " + PROVISIONING_TIMEOUT_SECONDS
                        + " s (" + e2 + "); the machine may be overloaded — try fewer gateways (--gateways) or the in-process mode", e2);
            } catch (InterruptedException e2) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while provisioning sensor keys", e2);
            }
        }
        Random phase = new Random(version);
        for (Map.Entry<String, List<SensorPlan>> e : byGateway.entrySet()) {
            for (SensorPlan plan : e.getValue()) {
                VirtualSensor sensor = new VirtualSensor(plan, ports.get(e.getKey()));
                sensors.add(sensor);
                scheduler.scheduleAtFixedRate(() -> sensor.post(plan.pack(weather, clock.instant())), phase.nextInt((int) period.toMillis()),
                        period.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** @return how many packs the gateways accepted, refused, and left unanswered (no DTLS session yet) */
    public long[] totals() {
        return new long[] {sensors.stream().mapToLong(VirtualSensor::accepted).sum(), sensors.stream().mapToLong(VirtualSensor::refused).sum(),
            sensors.stream().mapToLong(VirtualSensor::unanswered).sum()};
    }

    /** @return how many sensors post */
    public int count() {
        return sensors.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        sensors.forEach(VirtualSensor::close);
        sensors.clear();
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on 127.0.0.1", e);
        }
    }
}
