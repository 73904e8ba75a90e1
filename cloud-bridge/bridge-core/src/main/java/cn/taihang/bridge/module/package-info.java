/**
 * How the bridge's services plug in — the module SPI, the only part of the core besides the HTTP host's
 * {@code Replies} that a service may use: a {@link cn.taihang.bridge.module.BridgeModule} gets a
 * {@link cn.taihang.bridge.module.BridgeContext} with the database ({@link cn.taihang.bridge.module.Storage}, its
 * tables made by the module's own migrations), route registration (each route naming who may call it:
 * {@link cn.taihang.bridge.module.Access}, {@link cn.taihang.bridge.module.Scopes}, {@link cn.taihang.bridge.module.Caller},
 * holders' {@link cn.taihang.bridge.module.HolderToken}), command sending to gateways, the
 * gateways the bridge knows and exactly-once record listeners, describes its routes in its part of the OpenAPI
 * document, and refuses requests with a {@link cn.taihang.bridge.module.ServiceException} (never an HTTP status).
 */
package cn.taihang.bridge.module;
