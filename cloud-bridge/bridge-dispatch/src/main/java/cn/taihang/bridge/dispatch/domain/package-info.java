/**
 * Dispatch, pure domain code (no Vert.x, no I/O): places, lines and their service patterns, the day plan with extra
 * departures from a depot pool, one-key-call matching to the nearest free vehicle, and the text hub signs show.
 */
package cn.taihang.bridge.dispatch.domain;
