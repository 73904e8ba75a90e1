package cn.taihang.gateway.spi;

/**
 * Backlog of one priority class.
 *
 * @param records how many records wait (including those in flight)
 * @param bytes their stored size
 * @param oldestMillis storage time of the oldest, ms since the epoch, or 0 when empty
 */
public record ClassBacklog(long records, long bytes, long oldestMillis) {}
