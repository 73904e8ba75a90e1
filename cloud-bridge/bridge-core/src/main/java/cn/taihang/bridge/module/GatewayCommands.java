package cn.taihang.bridge.module;

import io.vertx.core.Future;

/**
 * Sends commands to gateways over MQTT ({@code cmd/{name}} topics, QoS 1), each signed by the bridge's current command
 * key over its name, id, target, issue and expiry times and body (gateways act on nothing else). A retained command stays on
 * the broker, so a gateway that is offline gets the latest one when it reconnects: use it for state
 * (a key ring, a deny list, a sign's message), not for one-shot actions. Each gateway reports the
 * outcome as a {@code command.result} record (measurements {@code id}, {@code command}, {@code ok},
 * {@code message}).
 */
public interface GatewayCommands {

    /**
     * @param site the gateway's site
     * @param gateway the gateway
     * @param name command name (1–64 of a-z, 0-9, '-')
     * @param body the command's payload
     * @param retained whether the broker keeps it for gateways that connect later
     * @param ttlMillis how long it stays valid, or 0 for ever
     * @return the command's id once the broker has it; fails if the broker is unreachable
     */
    Future<Long> send(String site, String gateway, String name, byte[] body, boolean retained, long ttlMillis);

    /**
     * Sends a command whose body is a secret (a gateway's sensor keys): sealed to that gateway's X25519 sealing key from
     * its latest birth (HPKE, bound to the gateway and the command id) inside the signed command, so the broker and
     * every other subscriber see only ciphertext. Same parameters as {@link #send}.
     *
     * @return the command's id once the broker has it; fails if the gateway has not announced a sealing key (no birth
     *     of it yet, or software from before sealed commands) — the body is never sent in clear — or if the broker is
     *     unreachable
     */
    Future<Long> sendSealed(String site, String gateway, String name, byte[] body, boolean retained, long ttlMillis);

    /**
     * Sends a command to every gateway (topic {@code taihang/v1/fleet/cmd/{name}}).
     *
     * @return the command's id once the broker has it
     */
    Future<Long> broadcast(String name, byte[] body, boolean retained, long ttlMillis);

    /**
     * Publishes a retained fleet command at a version, once across the bridge's instances on one database: nothing is
     * sent if any instance already published a newer version (or, in a share group, this one); publishes of one name are
     * ordered across instances, so the broker never keeps an older body after a newer one.
     *
     * @param version increases with every change of the body (a key ring's or a deny list's version)
     * @return the command's id once the broker has it, or 0 if nothing was sent; fails if the broker did not take it
     *     (not connected, no acknowledgement), and then a later call publishes it
     */
    Future<Long> broadcastRetained(String name, long version, byte[] body);
}
