package cn.taihang.wire;

/**
 * Published for a gateway when it goes away (Sparkplug B's NDEATH): by the gateway on a clean
 * disconnect, by the broker as the gateway's will otherwise.
 *
 * @param version format version, 1
 * @param gateway gateway id
 * @param bdSeq the birth/death sequence of the session that ended; a death whose bdSeq is older than
 *     the latest birth's is stale and ignored
 */
public record Death(int version, String gateway, long bdSeq) {}
