/**
 * The remote configuration: the component taking the bridge's pushes, the check of a push against the running bundles'
 * MetaType, the trial that applies it and rolls it back, the hash of what the gateway runs and the drift watch. Not
 * exported.
 */
package cn.taihang.remoteconfig.internal;
