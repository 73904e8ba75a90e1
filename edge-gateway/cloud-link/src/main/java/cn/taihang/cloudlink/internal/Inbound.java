package cn.taihang.cloudlink.internal;

import cn.taihang.cloudlink.internal.LinkStats.BridgeView;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BridgeState;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to the gateway: the bridge's acknowledgements, the retained states of its instances ({@link BridgeInstances}),
 * and commands. Bad input is
 * ignored and counted, logged once. Used on the uplink's thread only.
 */
final class Inbound {

    static final String REBIRTH = "rebirth";
    /** The fleet command carrying the city CA's CRL (DER); see the bridge's {@code CrlBroadcast}. */
    static final String CRL = "crl";
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final String ackTopic;
    private final String commandPrefix;
    private final RecordQueue queue;
    private final Drain drain;
    private final LinkStats stats;
    private final BatchCodec data;
    private final LifecycleCodec lifecycle;
    private final Runnable requestDrain;
    private final CommandDispatcher commands;
    private final Consumer<byte[]> crl;
    private final BridgeInstances bridges = new BridgeInstances();
    private boolean malformedAckLogged;
    private boolean foreignAckLogged;

    /**
     * @param rebirth publishes a new birth (same bdSeq)
     * @param requestDrain asks for a drain step
     * @param crl takes the CRL the bridge hands out (DER, unverified: the consumer checks the CA's signature)
     */
    Inbound(String ackTopic, String commandFilter, RecordQueue queue, Drain drain, LinkStats stats, BatchCodec data, LifecycleCodec lifecycle,
            Runnable rebirth, Runnable requestDrain, CommandDispatcher commands, Consumer<byte[]> crl) {
        this.ackTopic = ackTopic;
        this.commandPrefix = commandFilter.substring(0, commandFilter.length() - 1);
        this.queue = queue;
        this.drain = drain;
        this.stats = stats;
        this.data = data;
        this.lifecycle = lifecycle;
        commands.register(command -> {
            LOG.info("The bridge asked for a rebirth");
            rebirth.run();
            return "a new birth is on its way";
        }, java.util.List.of(REBIRTH));
        this.requestDrain = requestDrain;
        this.commands = commands;
        this.crl = crl;
    }

    void onMessage(String topic, byte[] payload) {
        if (topic.equals(ackTopic)) {
            onAck(payload);
        } else if (Topics.bridgeInstanceOf(topic) != null) {
            onBridgeState(Topics.bridgeInstanceOf(topic), payload);
        } else if (topic.startsWith(commandPrefix)) {
            onCommand(topic.substring(commandPrefix.length()), payload, false);
        } else if (topic.startsWith(Topics.FLEET_COMMAND_PREFIX)) {
            onCommand(topic.substring(Topics.FLEET_COMMAND_PREFIX.length()), payload, true);
        }
    }

    private void onAck(byte[] payload) {
        Ack ack;
        try {
            ack = data.decodeAck(payload);
        } catch (WireFormatException e) {
            stats.malformedAcks.incrementAndGet();
            if (!malformedAckLogged) {
                malformedAckLogged = true;
                LOG.warn("Ignoring a malformed acknowledgement on {} ({}: {}); further ones are only counted", ackTopic, e.reason(), e.getMessage());
            }
            return;
        }
        if (!ack.isFor(drain.run())) {
            stats.foreignAcks.incrementAndGet();
            if (!foreignAckLogged) {
                foreignAckLogged = true;
                LOG.warn("Ignoring an acknowledgement on {} of another sender's batches: another gateway with this id (a cloned card?) "
                        + "is sending, and its acknowledgements must not delete this store's records. The bridge raises a "
                        + "security event; further ones are only counted (foreignAcks)", ackTopic);
            }
            return;
        }
        stats.acksReceived.incrementAndGet();
        queue.acknowledge(ack.seqs());
        stats.recordsAcked.addAndGet(drain.acknowledged(ack.seqs()));
        requestDrain.run();
    }

    /** The gateway (re)connected: the instances' retained states are about to arrive again. */
    void connected() {
        bridges.connected();
    }

    private void onBridgeState(String instance, byte[] payload) {
        BridgeState state;
        try {
            state = lifecycle.decodeBridgeState(payload);
        } catch (WireFormatException e) {
            if (stats.malformedStates.incrementAndGet() == 1) {
                LOG.warn("Ignoring a malformed bridge state ({}); further ones are only counted", e.getMessage());
            }
            return;
        }
        BridgeInstances.Change change = bridges.update(instance, state.online(), state.timeMillis());
        if (change.now() != change.was()) {
            LOG.info(change.now() == BridgeView.ONLINE ? "The cloud bridge is online" : "The cloud bridge is offline; holding the drain");
        } else if (!instance.isEmpty()) {
            LOG.debug("Bridge instance {} is {}; {} online", instance, state.online() ? "online" : "offline", bridges.online());
        }
        stats.bridge(change.now());
        if (change.bridgeRestarted()) {
            // the bridge (re)connected with a clean session: batches sent before may have been dropped and what it had not
            // acknowledged never will be; send that again soon (after this gateway's jitter) rather than after the ack timeout
            drain.bridgeRestarted(System.nanoTime());
        }
        if (change.now() == BridgeView.ONLINE) {
            requestDrain.run();
        }
    }

    private void onCommand(String command, byte[] payload, boolean fleetWide) {
        if (command.equals(CRL) && fleetWide) {
            onCrl(payload);
        } else {
            commands.onCommand(command, payload, fleetWide);
        }
    }

    /**
     * The CRL is not a command-key envelope: the payload is the CRL itself (DER), which the city CA signed; the
     * consumer installs only a newer one of that CA ({@code IdentityFiles.installCrl}) and says why it refuses others.
     */
    private void onCrl(byte[] payload) {
        crl.accept(payload);
    }
}
