package cn.taihang.validator.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.validator.domain.Trust;
import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TicketException;
import cn.taihang.wire.ticket.TrustCodec;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's ticket trust: takes the bridge's retained fleet commands {@value #KEY_RING_COMMAND}
 * and {@value #DENY_LIST_COMMAND}, ignores versions older than the one held, stores each accepted body
 * in the {@link LocalLedger} (namespace {@value #NAMESPACE}) before using it, and loads both at start, so
 * gates validate after a restart with no uplink. Needs no configuration, so its command handler is
 * registered before the cloud link connects and receives the retained commands.
 */
@Component(service = {CommandHandler.class, TrustSource.class}, immediate = true,
        property = {CommandHandler.COMMAND_PROPERTY + "=" + TrustComponent.KEY_RING_COMMAND,
                    CommandHandler.COMMAND_PROPERTY + "=" + TrustComponent.DENY_LIST_COMMAND})
public final class TrustComponent implements CommandHandler, TrustSource {

    /** Command carrying the key ring. */
    public static final String KEY_RING_COMMAND = "ticket-keyring";
    /** Command carrying the deny list. */
    public static final String DENY_LIST_COMMAND = "ticket-deny-list";
    /** Ledger namespace of the stored trust. */
    static final String NAMESPACE = "ticket-trust";
    private static final Logger LOG = LoggerFactory.getLogger(TrustComponent.class);

    private final LocalLedger ledger;
    private final TrustCodec codec = new TrustCodec();
    private volatile Trust trust = Trust.NONE;

    /** Loads what an earlier run stored. */
    @Activate
    public TrustComponent(@Reference(name = "ledger") LocalLedger ledger) {
        this.ledger = ledger;
        KeyRing ring = load(KEY_RING_COMMAND).map(this::keyRing).orElse(null);
        DenyList deny = load(DENY_LIST_COMMAND).map(this::denyList).orElse(Trust.NONE.denyList());
        trust = Trust.of(ring, deny);
        if (ring == null) {
            LOG.warn("no ticket key ring stored yet: ticket gates refuse every ticket (NO_KEY_RING) until the bridge's key ring arrives");
        } else {
            LOG.info("ticket trust loaded: key ring version {} ({} keys), deny list version {} ({} tickets)", ring.version(), ring.keys().size(),
                    deny.version(), deny.entries().size());
        }
    }

    @Override
    public Trust current() {
        return trust;
    }

    @Override
    public synchronized String handle(IncomingCommand command) throws CommandException {
        try {
            return switch (command.name()) {
                case KEY_RING_COMMAND -> applyKeyRing(codec.decodeKeyRing(command.body()), command.body());
                case DENY_LIST_COMMAND -> applyDenyList(codec.decodeDenyList(command.body()), command.body());
                default -> throw new CommandException("this handler takes " + KEY_RING_COMMAND + " and " + DENY_LIST_COMMAND + ", not " + command.name());
            };
        } catch (TicketException e) {
            throw new CommandException("the " + command.name() + " body is not valid (" + e.reason() + ": " + e.getMessage()
                    + "); the gateway keeps what it had", e);
        } catch (LedgerException e) {
            throw new CommandException("could not store the " + command.name() + " (" + e.getMessage() + "); the gateway keeps what it had", e);
        }
    }

    private String applyKeyRing(KeyRing ring, byte[] body) throws LedgerException {
        KeyRing held = trust.keyRing();
        if (held != null && ring.version() <= held.version()) {
            return "key ring version " + held.version() + " already held (received " + ring.version() + ")";
        }
        ledger.put(NAMESPACE, KEY_RING_COMMAND, body, null);
        trust = trust.withKeyRing(ring);
        String keys = ring.keys().stream().map(k -> k.id() + ":" + k.state().name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(","));
        LOG.info("ticket key ring version {} in use: {}", ring.version(), keys);
        return "key ring version " + ring.version() + " in use: " + keys;
    }

    private String applyDenyList(DenyList list, byte[] body) throws LedgerException {
        DenyList held = trust.denyList();
        if (list.version() <= held.version() && held.version() > 0) {
            return "deny list version " + held.version() + " already held (received " + list.version() + ")";
        }
        ledger.put(NAMESPACE, DENY_LIST_COMMAND, body, null);
        trust = trust.withDenyList(list);
        LOG.info("ticket deny list version {} in use: {} tickets", list.version(), list.entries().size());
        return "deny list version " + list.version() + " in use: " + list.entries().size() + " tickets";
    }

    private Optional<byte[]> load(String key) {
        try {
            return ledger.get(NAMESPACE, key).map(LedgerEntry::value);
        } catch (LedgerException e) {
            LOG.error("cannot read the stored {} ({}); gates work with what the bridge sends next", key, e.getMessage());
            return Optional.empty();
        }
    }

    private KeyRing keyRing(byte[] body) {
        try {
            return codec.decodeKeyRing(body);
        } catch (TicketException e) {
            LOG.error("the stored key ring is unreadable ({}); waiting for the bridge to send it again", e.getMessage());
            return null;
        }
    }

    private DenyList denyList(byte[] body) {
        try {
            return codec.decodeDenyList(body);
        } catch (TicketException e) {
            LOG.error("the stored deny list is unreadable ({}); waiting for the bridge to send it again", e.getMessage());
            return Trust.NONE.denyList();
        }
    }
}
