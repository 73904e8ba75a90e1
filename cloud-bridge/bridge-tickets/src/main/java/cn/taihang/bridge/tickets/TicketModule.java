package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
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
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS ticket_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS ticket_keys (id INTEGER PRIMARY KEY, public_key TEXT NOT NULL, private_key TEXT NOT NULL, state TEXT NOT NULL, "
                    + "created INTEGER NOT NULL, changed INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS ticket_capacity (product TEXT NOT NULL, day TEXT NOT NULL, sold INTEGER NOT NULL, capacity INTEGER NOT NULL, "
                    + "PRIMARY KEY (product, day))",
            "CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, holder_ref TEXT NOT NULL, key_id INTEGER NOT NULL, issued INTEGER NOT NULL, "
                    + "valid_until INTEGER NOT NULL, status TEXT NOT NULL, status_changed INTEGER, items TEXT NOT NULL, qr TEXT NOT NULL, price REAL NOT NULL)",
            "CREATE INDEX IF NOT EXISTS tickets_by_status ON tickets (status, valid_until)",
            "CREATE TABLE IF NOT EXISTS ticket_redemptions (gateway TEXT NOT NULL, seq INTEGER NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL, "
                    + "ticket INTEGER NOT NULL, entitlement INTEGER NOT NULL, time INTEGER NOT NULL, received INTEGER NOT NULL, place INTEGER, use INTEGER, "
                    + "PRIMARY KEY (gateway, seq))",
            "CREATE INDEX IF NOT EXISTS ticket_redemptions_by_ticket ON ticket_redemptions (ticket, entitlement)",
            "CREATE TABLE IF NOT EXISTS ticket_conflicts (ticket INTEGER NOT NULL, entitlement INTEGER NOT NULL, detected INTEGER NOT NULL, "
                    + "uses INTEGER NOT NULL, redeemed INTEGER NOT NULL, PRIMARY KEY (ticket, entitlement))",
            "CREATE TABLE IF NOT EXISTS ticket_holders (ticket INTEGER PRIMARY KEY, token_hash TEXT NOT NULL)",
            RentalPasses.SCHEMA);

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
    public Future<Void> start(BridgeContext context) {
        SecureRandom random = new SecureRandom();
        TicketKeys keys = new TicketKeys(context.writer(), random);
        TicketStore store = new TicketStore(context.writer(), context.reader(), catalogue, random);
        RedemptionLedger ledger = new RedemptionLedger(context.reader(), context.meters());
        publisher = new TrustPublisher(context.vertx(), context.commands());
        context.onNewRecords("ticket.", ledger::onRecords);
        return context.writer().withTransaction(this::createTables)
                .compose(v -> keys.load(clock.instant()))
                .compose(ring -> store.holderSecret())
                .compose(secret -> {
                    TicketService service = new TicketService(catalogue, keys, store, ledger, publisher, new HolderRefs(secret), clock, context.meters());
                    new TicketRoutes(service, context.vertx()).mount(context.routes());
                    rentalPasses = new RentalPasses(context.writer(), keys, service, clock, random);
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

    private Future<Void> createTables(SqlConnection conn) {
        Future<Void> chain = Future.succeededFuture();
        for (String sql : SCHEMA) {
            chain = chain.compose(v -> conn.query(sql).execute().mapEmpty());
        }
        return chain;
    }

    @Override
    public Future<Void> stop() {
        if (publisher != null) {
            publisher.stop();
        }
        return Future.succeededFuture();
    }
}
