package cn.taihang.bridge.dispatch.domain;

import java.time.LocalDateTime;

/**
 * A departure from a line's first stop.
 *
 * @param line line id
 * @param time local departure time
 * @param extra whether it was added by dispatch
 * @param capacity seats
 * @param forecastLoad passengers expected to board it
 * @param depot the depot an extra vehicle comes from, {@code null} for planned departures
 */
public record Departure(String line, LocalDateTime time, boolean extra, int capacity, double forecastLoad, String depot) {}
