package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket service (一票通) as a bridge module: catalogue, orders with capacity, signed QR tickets, refunds
 * and revocations (deny list), the key ring with rotation, both pushed to every gateway as retained fleet
 * commands, and the redemption ledger fed by the gateways' {@code ticket.redemption} records with double-use
 * conflicts; and the one-way rental's key-locker passes ({@link #rentalPasses()}). Routes under {@code /api/v1/tickets}.
 */
public final class TicketModule implements BridgeModule {

    private static final Logger LOG = LoggerFactory.getLogger(TicketModule.class);

    private final Clock clock;
    private final Catalogue catalogue;
    private TrustPublisher publisher;
    private volatile RentalPassIssuer rentalPasses;

    /** The standard module: the bundled catalogue, the system clock. */
    public TicketModule() {
        this(Catalogue.standard(), Clock.systemUTC());
    }

    TicketModule(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public URL openApi() {
        return TicketModule.class.getResource("openapi.yaml");
    }

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public String migrations() {
        return "cn/taihang/bridge/tickets/db";
    }

    @Override
    public Future<Void> start(BridgeContext context) {
        SecureRandom random = new SecureRandom();
        TicketKeys keys = new TicketKeys(context.storage(), random);
        TicketStore store = new TicketStore(context.storage(), catalogue, random);
        RedemptionLedger ledger = new RedemptionLedger(context.storage(), context.meters());
        publisher = new TrustPublisher(context.vertx(), context.commands());
        context.onNewRecords(RecordKinds.TICKET_PREFIX, ledger::onRecords);
        return keys.load(clock.instant())
                .compose(ring -> store.holderSecret())
                .compose(secret -> {
                    TicketService service = new TicketService(catalogue, keys, store, ledger, publisher, new HolderRefs(secret), clock, context.meters());
                    new TicketRoutes(service, context.vertx()).mount(context.routes());
                    rentalPasses = new RentalPasses(context.storage(), keys, service, clock, random);
                    LOG.info("ticket service: {} products, key ring version {} (active key {})", catalogue.products().size(), keys.ring().version(),
                            keys.signer().keyId());
                    return service.publishAll();
                });
    }

    /**
     * The key-locker passes of the one-way rental, signed by this service (for the rental module).
     *
     * @return the issuer, or {@code null} until the module has started
     */
    public RentalPassIssuer rentalPasses() {
        return rentalPasses;
    }

    @Override
    public Future<Void> stop() {
        if (publisher != null) {
            publisher.stop();
        }
        return Future.succeededFuture();
    }
}
