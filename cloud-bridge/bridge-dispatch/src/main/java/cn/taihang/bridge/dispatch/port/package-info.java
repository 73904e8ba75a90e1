/**
 * Dispatch's port for hub notices: dispatch owns {@link cn.taihang.bridge.dispatch.port.HubSignPublisher} and the
 * {@link cn.taihang.bridge.dispatch.port.HubNotice} it publishes; the signs module implements it (the notice becomes
 * pages of the hub boards), and the assembled bridge wires the two. Without signs, dispatch sends notices as commands.
 * The only part of the dispatch module another service may use.
 */
package cn.taihang.bridge.dispatch.port;
