package cn.taihang.simulator.tickets;

import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketCodec;
import cn.taihang.wire.ticket.TicketSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.codec.binary.Base45;

/**
 * Tourists: each buys a ticket through the bridge's API (bus only, bus + admission, or bus + admission + lodging)
 * for a trip from a hub to a scenic area, and scans at the hub's boarding gate, the area's entrance and the
 * lodging's desk. A share of them also make a bad scan: a replayed ticket, a forged one (one flipped bit in
 * its signature), a counterfeit signed with a key the bridge never had, a ticket shown at the wrong gate,
 * tomorrow's ticket, or a timed ride that has expired, in turn. Every scan carries the verdict the gate must give.
 */
public final class TouristPlanner {

    /** The zone the tickets' days are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int COUNTERFEIT_KEY = 4242;

    /** A trip: the line, its boarding gateway, and the destination gateway if it has gates. */
    record Trip(String line, TicketGatewayPlan origin, TicketGatewayPlan destination) {}

    private final TicketShop shop;
    private final Random random;
    private final Map<String, JsonNode> products;
    private final List<Trip> trips;
    private final List<TicketGatewayPlan> boardingGateways;
    private final TicketSigner counterfeiter;
    private final LocalDate today;
    private final List<String> faults;
    private int faultsPlanned;

    TouristPlanner(TicketShop shop, Scenario scenario, List<JsonNode> products, List<TicketGatewayPlan> running, long seed, List<String> faults) {
        this.shop = shop;
        this.faults = List.copyOf(faults);
        this.random = new Random(seed);
        this.products = products.stream().collect(Collectors.toMap(p -> p.path("id").asText(), Function.identity()));
        Map<String, TicketGatewayPlan> bySite = running.stream().collect(Collectors.toMap(p -> p.site().id(), Function.identity()));
        this.trips = new ArrayList<>();
        for (Scenario.Line line : scenario.lines()) {
            TicketGatewayPlan origin = bySite.get(line.stops().get(0));
            if (origin != null && origin.gate("BUS_BOARDING").isPresent()) {
                trips.add(new Trip(line.id(), origin, bySite.get(line.stops().get(line.stops().size() - 1))));
            }
        }
        this.boardingGateways = running.stream().filter(p -> p.gate("BUS_BOARDING").isPresent()).toList();
        this.counterfeiter = new TicketSigner(COUNTERFEIT_KEY, TicketSigner.newPrivateKey(new SecureRandom()));
        this.today = LocalDate.now(ZONE);
        if (trips.isEmpty()) {
            throw new IllegalArgumentException("no bus line starts at a running gateway with a boarding gate; run more gateways");
        }
    }

    /**
     * Buys one tourist's ticket and plans their scans.
     *
     * @param withFault whether this tourist also makes a bad scan
     */
    List<PlannedScan> tourist(int n, boolean withFault) throws IOException {
        Trip trip = trips.get(random.nextInt(trips.size()));
        Optional<String> area = scenic(trip);
        Optional<String> lodging = lodging(trip);
        int mix = random.nextInt(4);
        List<ObjectNode> items = new ArrayList<>();
        items.add(shop.item("bus-" + trip.line(), today.toString()));
        boolean withArea = area.isPresent() && mix >= 1;
        boolean withLodging = withArea && lodging.isPresent() && mix >= 2;
        if (withArea) {
            items.add(shop.item(area.get(), today.toString()));
        }
        if (withLodging) {
            items.add(shop.item(lodging.get(), today.toString()).put("nights", 1 + random.nextInt(2)));
        }
        TicketShop.Bought t = shop.buy("T" + n, items);
        List<PlannedScan> scans = new ArrayList<>();
        scans.add(scan("honest", trip.origin(), "BUS_BOARDING", t.qr(), "ACCEPTED", t.id()));
        if (withArea) {
            scans.add(scan("honest", trip.destination(), "SCENIC_ENTRANCE", t.qr(), "ACCEPTED", t.id()));
        }
        if (withLodging) {
            scans.add(scan("honest", trip.destination(), "LODGING", t.qr(), "ACCEPTED", t.id()));
        }
        if (withFault) {
            scans.addAll(fault(n, trip, t, withArea));
        }
        return scans;
    }

    private List<PlannedScan> fault(int n, Trip trip, TicketShop.Bought t, boolean withArea) throws IOException {
        if (faults.isEmpty()) {
            return List.of();
        }
        String fault = faults.get(faultsPlanned++ % faults.size());
        return switch (fault) {
            case "replayed" -> withArea ? List.of(scan(fault, trip.destination(), "SCENIC_ENTRANCE", t.qr(), "REPLAYED", t.id())) : List.of();
            case "forged" -> List.of(scan(fault, trip.origin(), "BUS_BOARDING", flipSignatureBit(t.qr()), "BAD_SIGNATURE", t.id()));
            case "counterfeit" -> List.of(scan(fault, trip.origin(), "BUS_BOARDING", counterfeit(n, trip), "UNKNOWN_KEY", ""));
            case "wrong-gate" -> wrongGate(trip, t);
            case "not-yet-valid" -> {
                TicketShop.Bought tomorrow = shop.buy("N" + n, List.of(shop.item("bus-" + trip.line(), today.plusDays(1).toString())));
                yield List.of(scan(fault, trip.origin(), "BUS_BOARDING", tomorrow.qr(), "NOT_YET_VALID", tomorrow.id()));
            }
            default -> {
                Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                ObjectNode timed = shop.item("bus-" + trip.line(), today.toString());
                timed.remove("date");
                timed.put("from", from.toString()).put("minutes", 1);
                TicketShop.Bought ride = shop.buy("E" + n, List.of(timed));
                yield List.of(scan("expired", trip.origin(), "BUS_BOARDING", ride.qr(), "EXPIRED", ride.id()));
            }
        };
    }

    private List<PlannedScan> wrongGate(Trip trip, TicketShop.Bought t) {
        for (TicketGatewayPlan other : boardingGateways) {
            if (other != trip.origin()) {
                return List.of(scan("wrong-gate", other, "BUS_BOARDING", t.qr(), "WRONG_GATE", t.id()));
            }
        }
        return List.of();
    }

    private PlannedScan scan(String category, TicketGatewayPlan gateway, String kind, String text, String expected, String ticket) {
        return new PlannedScan(category, gateway.gatewayId(), gateway.gate(kind).orElseThrow(), text, expected, ticket);
    }

    private Optional<String> scenic(Trip trip) {
        if (trip.destination() == null || trip.destination().gate("SCENIC_ENTRANCE").isEmpty()) {
            return Optional.empty();
        }
        int place = trip.destination().gate("SCENIC_ENTRANCE").get().places().get(0);
        return products.values().stream().filter(p -> p.path("place").asInt() == place).map(p -> p.path("id").asText()).findFirst();
    }

    private Optional<String> lodging(Trip trip) {
        if (trip.destination() == null || trip.destination().gate("LODGING").isEmpty()) {
            return Optional.empty();
        }
        int place = trip.destination().gate("LODGING").get().places().get(0);
        return products.values().stream().filter(p -> p.path("place").asInt() == place).map(p -> p.path("id").asText()).findFirst();
    }

    /**
     * @param qr a genuine ticket as its QR text (not null)
     * @return the same ticket with one bit of its signature flipped: a forgery the gates must refuse
     */
    public static String flipSignatureBit(String qr) {
        Base45 base45 = new Base45();
        byte[] bytes = base45.decode(qr.substring(TicketCodec.PREFIX.length()));
        bytes[bytes.length - 1 - (qr.hashCode() & 31)] ^= 0x04;
        return TicketCodec.PREFIX + new String(base45.encode(bytes), StandardCharsets.US_ASCII);
    }

    private String counterfeit(int n, Trip trip) {
        int place = trip.origin().gate("BUS_BOARDING").orElseThrow().places().get(0);
        Instant start = today.atStartOfDay(ZONE).toInstant();
        return counterfeiter.sign(new Ticket(COUNTERFEIT_KEY, 1_000_000L + n, new byte[8], start, List.of(
                Entitlement.of(EntitlementKind.BUS_RIDE, place, start, start.plus(1, ChronoUnit.DAYS), 9))));
    }
}
