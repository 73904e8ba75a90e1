/**
 * How the bridge's services plug in: a {@link cn.taihang.bridge.module.BridgeModule} gets a
 * {@link cn.taihang.bridge.module.BridgeContext} with the database, the HTTP router, command sending to
 * gateways and exactly-once record listeners.
 */
package cn.taihang.bridge.module;
