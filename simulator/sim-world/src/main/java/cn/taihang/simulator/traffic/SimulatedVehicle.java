package cn.taihang.simulator.traffic;

/**
 * A vehicle crossing a counted lane: the ground truth the gateway's measurement is compared with.
 *
 * @param frontAtLoopAMicros when its front reached the upstream loop, µs since the epoch
 * @param lengthMeters its true length
 * @param speedMetersPerSecond its true (constant) speed over the loops
 * @param kind what it is
 */
public record SimulatedVehicle(long frontAtLoopAMicros, double lengthMeters, double speedMetersPerSecond, VehicleKind kind) {}
