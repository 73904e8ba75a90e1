/**
 * One-way rental, pure domain code (no Vert.x, no I/O): stations, car states, the one-way tariff by city pair, the
 * stock projection that makes double booking impossible, the key lockers' handover rules (the same end state for any
 * arrival order), and the overnight rebalancing plan (exact min-cost flow and
 * a greedy baseline).
 */
package cn.taihang.bridge.rental.domain;
