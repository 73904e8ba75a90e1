package cn.taihang.simulator.traffic;

import cn.taihang.counter.domain.Loop;
import cn.taihang.counter.domain.LoopEdge;
import cn.taihang.counter.domain.VehicleTimeline;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.simulator.fleet.LanePlan;
import cn.taihang.simulator.truth.GroundTruth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives simulated vehicles over the virtual loops of every lane, in real time: each vehicle becomes
 * the detector edges physics says it makes ({@link VehicleTimeline}), sent to the gateway's simulated
 * board when their time comes, timestamped at the source. A vehicle whose edges all reached a
 * connected gateway goes into the {@link GroundTruth}; one that met a disconnected gateway (killed,
 * restarting) is counted as unobserved, as on a real road when the cabinet has no power.
 */
public final class TrafficDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficDriver.class);
    private static final long GENERATE_AHEAD_MICROS = 5_000_000;
    private static final long GENERATE_CHUNK_MICROS = 10_000_000;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final GroundTruth truth;
    private final double scale;
    private final int fixedHour;
    private final long seed;
    private final Clock clock;
    private final List<LaneState> lanes = new ArrayList<>();
    private final PriorityQueue<PendingEdge> edges = new PriorityQueue<>();
    private final AtomicLong vehiclesDriven = new AtomicLong();
    private final AtomicLong vehiclesUnobserved = new AtomicLong();
    private final AtomicLong edgesSent = new AtomicLong();
    private volatile boolean generating = true;
    private volatile boolean running = true;
    private volatile long generateUntilMicros = Long.MAX_VALUE;
    private Thread thread;

    /**
     * @param truth where vehicles that reached a gateway are recorded
     * @param scale traffic volume multiplier
     * @param fixedHour drive as at this local hour of the daily profile, or -1 to follow the clock
     * @param seed random seed; the same seed drives the same traffic
     * @param clock the wall clock (edges are timestamped with it)
     */
    public TrafficDriver(GroundTruth truth, double scale, int fixedHour, long seed, Clock clock) {
        this.truth = truth;
        this.scale = scale;
        this.fixedHour = fixedHour;
        this.seed = seed;
        this.clock = clock;
    }

    /** Adds a lane to drive once its gateway holds the lane's pins. Call before {@link #start()}. */
    public synchronized void addLane(GatewayPlan gateway, LanePlan lane, VirtualBoard board) {
        TrafficGenerator generator = new TrafficGenerator(lane.lane().peakPerHour(), lane.lane().road(), scale, lane.spacingMeters(),
                lane.loopLengthMeters(), fixedHour);
        SplittableRandom random = new SplittableRandom(seed ^ (gateway.gatewayId() + "/" + lane.device()).hashCode());
        lanes.add(new LaneState(gateway.gatewayId(), lane, board, generator, random));
    }

    /** Starts driving in a background thread. */
    public synchronized void start() {
        thread = DaemonThreads.start("traffic-driver", this::run);
    }

    /** Stops creating vehicles whose front reaches loop A after {@code untilMicros}; those already on the road finish. */
    public void stopGeneratingAt(long untilMicros) {
        generateUntilMicros = untilMicros;
    }

    /** @return whether generation has stopped and every vehicle already generated has been driven */
    public synchronized boolean idle() {
        return !generating && edges.isEmpty();
    }

    /** @return vehicles driven over a connected gateway's loops (in the ground truth) */
    public long vehiclesDriven() {
        return vehiclesDriven.get();
    }

    /** @return vehicles that met a disconnected gateway */
    public long vehiclesUnobserved() {
        return vehiclesUnobserved.get();
    }

    /** @return edges sent */
    public long edgesSent() {
        return edgesSent.get();
    }

    private void run() {
        long nextGeneration = 0;
        while (running) {
            long now = nowMicros();
            if (now >= nextGeneration) {
                generate(now);
                nextGeneration = now + 1_000_000;
            }
            long nextEdge = sendDue(now);
            long wakeAt = Math.min(nextGeneration, nextEdge);
            long parkNanos = Math.min(MAX_PARK_NANOS, Math.max(0, (wakeAt - nowMicros()) * 1000));
            if (parkNanos > 0) {
                LockSupport.parkNanos(parkNanos);
            }
        }
    }

    private synchronized void generate(long now) {
        boolean anyLeft = false;
        for (LaneState lane : lanes) {
            if (lane.horizonMicros >= generateUntilMicros) {
                continue;
            }
            if (lane.horizonMicros == 0) {
                if (now >= generateUntilMicros) {
                    continue;
                }
                anyLeft = true;
                if (!laneWired(lane)) {
                    continue;
                }
                lane.horizonMicros = now + 200_000;
            }
            anyLeft = true;
            while (lane.horizonMicros < now + GENERATE_AHEAD_MICROS && lane.horizonMicros < generateUntilMicros) {
                long to = Math.min(lane.horizonMicros + GENERATE_CHUNK_MICROS, generateUntilMicros);
                for (SimulatedVehicle vehicle : lane.generator.generate(lane.horizonMicros, to, lane.random)) {
                    enqueue(lane, vehicle);
                }
                lane.horizonMicros = to;
            }
        }
        generating = anyLeft;
    }

    private boolean laneWired(LaneState lane) {
        return lane.board.isClaimed(lane.plan.loopAPin()) && (!lane.plan.dual() || lane.board.isClaimed(lane.plan.loopBPin()));
    }

    private void enqueue(LaneState lane, SimulatedVehicle vehicle) {
        VehicleTimeline timeline = new VehicleTimeline(lane.plan.loopLengthMeters(), lane.plan.spacingMeters(), lane.plan.dual());
        List<LoopEdge> vehicleEdges = timeline.pass(vehicle.frontAtLoopAMicros(), vehicle.lengthMeters(), vehicle.speedMetersPerSecond()).edges();
        VehicleInFlight inFlight = new VehicleInFlight(lane, vehicle, vehicleEdges.size());
        for (LoopEdge edge : vehicleEdges) {
            edges.add(new PendingEdge(edge, inFlight));
        }
    }

    private synchronized long sendDue(long now) {
        while (!edges.isEmpty() && edges.peek().edge.timestampMicros() <= now) {
            PendingEdge pending = edges.poll();
            LaneState lane = pending.vehicle.lane;
            int pin = pending.edge.loop() == Loop.A ? lane.plan.loopAPin() : lane.plan.loopBPin();
            if (lane.board.sendEdge(pin, pending.edge.occupied(), pending.edge.timestampMicros())) {
                edgesSent.incrementAndGet();
            } else {
                pending.vehicle.lost = true;
            }
            if (--pending.vehicle.edgesLeft == 0) {
                finish(pending.vehicle);
            }
        }
        return edges.isEmpty() ? Long.MAX_VALUE : edges.peek().edge.timestampMicros();
    }

    private void finish(VehicleInFlight vehicle) {
        if (vehicle.lost) {
            vehiclesUnobserved.incrementAndGet();
            return;
        }
        LaneState lane = vehicle.lane;
        truth.record(lane.gatewayId, lane.plan.device(), lane.plan.dual(), vehicle.vehicle.frontAtLoopAMicros(), vehicle.vehicle.lengthMeters());
        vehiclesDriven.incrementAndGet();
    }

    private long nowMicros() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debug("traffic driver stopped: {} vehicles driven, {} unobserved", vehiclesDriven.get(), vehiclesUnobserved.get());
    }

    private static final class LaneState {
        final String gatewayId;
        final LanePlan plan;
        final VirtualBoard board;
        final TrafficGenerator generator;
        final SplittableRandom random;
        long horizonMicros;

        LaneState(String gatewayId, LanePlan plan, VirtualBoard board, TrafficGenerator generator, SplittableRandom random) {
            this.gatewayId = gatewayId;
            this.plan = plan;
            this.board = board;
            this.generator = generator;
            this.random = random;
        }
    }

    private static final class VehicleInFlight {
        final LaneState lane;
        final SimulatedVehicle vehicle;
        int edgesLeft;
        boolean lost;

        VehicleInFlight(LaneState lane, SimulatedVehicle vehicle, int edges) {
            this.lane = lane;
            this.vehicle = vehicle;
            this.edgesLeft = edges;
        }
    }

    private record PendingEdge(LoopEdge edge, VehicleInFlight vehicle) implements Comparable<PendingEdge> {
        @Override
        public int compareTo(PendingEdge o) {
            return Long.compare(edge.timestampMicros(), o.edge.timestampMicros());
        }
    }
}
