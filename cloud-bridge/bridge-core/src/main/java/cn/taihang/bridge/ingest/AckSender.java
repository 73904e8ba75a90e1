package cn.taihang.bridge.ingest;

import cn.taihang.wire.Ack;

/** Sends an acknowledgement to a gateway ({@code Topics.ack(site, gateway)}, QoS 1). */
@FunctionalInterface
public interface AckSender {

    /**
     * Sends without waiting; if the link is down the ack is dropped and the gateway resends, which is harmless.
     *
     * @param site site id
     * @param gateway gateway id
     * @param ack the sequence numbers recorded
     */
    void send(String site, String gateway, Ack ack);
}
