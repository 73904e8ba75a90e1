package cn.taihang.validator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.GateKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TicketJudgeTest {

    private static final Instant NOW = Issuer.NOON;
    private final Issuer issuer = new Issuer(3);
    private final TicketJudge scenic = new TicketJudge(new GateRules("wml-gate-1", GateKind.SCENIC_ENTRANCE, Set.of(2001), Duration.ofMinutes(5),
            Duration.ofSeconds(60)));
    private final TicketJudge bus = new TicketJudge(new GateRules("hsr-east-board-1", GateKind.BUS_BOARDING, Set.of(1001, 1009), Duration.ofMinutes(5),
            Duration.ofSeconds(60)));
    private final Map<String, UseLookup.Versioned> ledger = new HashMap<>();
    private final UseLookup uses = (id, index) -> ledger.getOrDefault(id + "/" + index, UseLookup.Versioned.NONE);

    private Decision at(TicketJudge judge, String text, Instant now, Trust trust) {
        return judge.judge(text, now, trust, uses);
    }

    private void use(Decision accepted, String gate, Instant when) {
        ledger.put(accepted.ticket().id() + "/" + accepted.entitlement(),
                new UseLookup.Versioned(accepted.state().plusOne(gate, when.toEpochMilli()), accepted.stateVersion() + 1));
    }

    @Test
    void aGenuineTicketIsAcceptedForTheEntitlementOfThisGate() {
        Decision d = at(scenic, issuer.ticketText(11), NOW, issuer.trust());
        assertThat(d.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(d.entitlement()).isEqualTo(1);
        assertThat(d.stateVersion()).isZero();
        assertThat(at(bus, issuer.ticketText(11), NOW, issuer.trust()).entitlement()).isZero();
    }

    @Test
    void everyBadScanHasItsOwnVerdict() {
        String good = issuer.ticketText(12);
        Trust trust = issuer.trust();
        Map<Verdict, Decision> seen = new HashMap<>();
        seen.put(Verdict.NOT_A_TICKET, at(scenic, "http://weixin.qq.com/r/abc", NOW, trust));
        seen.put(Verdict.TOO_LARGE, at(scenic, "TH1:" + "A".repeat(900), NOW, trust));
        seen.put(Verdict.MALFORMED, at(scenic, good.substring(0, 30) + "~" + good.substring(31), NOW, trust));
        seen.put(Verdict.TRUNCATED, at(scenic, good.substring(0, 120), NOW, trust));
        seen.put(Verdict.UNSUPPORTED_VERSION, at(scenic, "TH9:" + good.substring(4), NOW, trust));
        seen.put(Verdict.NO_KEY_RING, at(scenic, good, NOW, Trust.NONE));
        seen.put(Verdict.UNKNOWN_KEY, at(scenic, new Issuer(4).ticketText(12), NOW, trust));
        seen.put(Verdict.KEY_WITHDRAWN, at(scenic, good, NOW, Trust.of(new KeyRing(2, List.of(issuer.key(KeyRing.KeyState.WITHDRAWN))),
                new DenyList(0, List.of()))));
        seen.put(Verdict.BAD_SIGNATURE, at(scenic, flipLastCharacter(good), NOW, trust));
        seen.put(Verdict.REVOKED, at(scenic, good, NOW, trust.withDenyList(new DenyList(5, List.of(new DenyList.Entry(12, Issuer.DAY.plus(Duration.ofDays(2))))))));
        seen.put(Verdict.WRONG_GATE, at(new TicketJudge(new GateRules("other", GateKind.SCENIC_ENTRANCE, Set.of(2002), Duration.ZERO, Duration.ZERO)),
                good, NOW, trust));
        seen.put(Verdict.NOT_YET_VALID, at(scenic, good, Issuer.DAY.minus(Duration.ofHours(9)), trust));
        seen.put(Verdict.EXPIRED, at(scenic, good, Issuer.DAY.plus(Duration.ofHours(17)), trust));
        Decision first = at(scenic, good, NOW, trust);
        use(first, "wml-gate-1", NOW);
        seen.put(Verdict.REPLAYED, at(scenic, good, NOW.plusSeconds(600), trust));
        Decision ride = at(bus, good, NOW, trust);
        use(ride, "hsr-east-board-1", NOW);
        seen.put(Verdict.PASSBACK, at(bus, good, NOW.plusSeconds(10), trust));
        seen.put(Verdict.LEDGER_FAULT, scenic.judge(issuer.ticketText(13), NOW, trust, (id, index) -> {
            throw new UseLookup.LookupFailure("disk gone");
        }));
        seen.forEach((verdict, decision) -> assertThat(decision.verdict()).as(verdict.name() + ": " + decision.detail()).isEqualTo(verdict));
        assertThat(EnumSet.copyOf(seen.keySet())).as("the locker's own refusals are tested with the locker, the gate's clock fault with the gate")
                .isEqualTo(EnumSet.complementOf(EnumSet.of(Verdict.ACCEPTED, Verdict.BUSY, Verdict.NO_KEY, Verdict.LOCKER_FULL, Verdict.IN_PROGRESS,
                        Verdict.CLOCK_FAULT)));
        assertThat(seen.values()).allSatisfy(d -> assertThat(d.detail()).isNotBlank());
    }

    @Test
    void aSecondRideIsAllowedAfterThePassbackTimeUntilTheRidesAreUsedUp() {
        String good = issuer.ticketText(14);
        Trust trust = issuer.trust();
        Decision first = at(bus, good, NOW, trust);
        use(first, "hsr-east-board-1", NOW);
        Decision second = at(bus, good, NOW.plusSeconds(61), trust);
        assertThat(second.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(second.state().uses()).isEqualTo(1);
        use(second, "hsr-east-board-1", NOW.plusSeconds(61));
        assertThat(at(bus, good, NOW.plusSeconds(3600), trust).verdict()).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void theSkewToleranceWidensTheWindowOnBothSidesAndNoMore() {
        String good = issuer.ticketText(15);
        Trust trust = issuer.trust();
        Instant from = issuer.oneTicket(15).entitlements().get(1).validFrom();
        Instant until = issuer.oneTicket(15).entitlements().get(1).validUntil();
        assertThat(at(scenic, good, from.minusSeconds(300), trust).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(at(scenic, good, from.minusSeconds(301), trust).verdict()).isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(at(scenic, good, until.plusSeconds(299), trust).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(at(scenic, good, until.plusSeconds(300), trust).verdict()).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aRetiredKeyStillValidatesItsTickets() {
        Trust retired = Trust.of(new KeyRing(3, List.of(issuer.key(KeyRing.KeyState.RETIRED), new Issuer(8).key(KeyRing.KeyState.ACTIVE))),
                new DenyList(0, List.of()));
        assertThat(at(scenic, issuer.ticketText(16), NOW, retired).verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aTicketWithTwoEntitlementsForTheGateUsesTheOneThatIsValidNow() {
        Ticket twoDays = new Ticket(3, 17, new byte[8], Issuer.DAY, List.of(
                Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, Issuer.DAY.minus(Duration.ofHours(8)), Issuer.DAY.plus(Duration.ofHours(16)), 1),
                Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, Issuer.DAY.plus(Duration.ofHours(16)), Issuer.DAY.plus(Duration.ofHours(40)), 1)));
        Decision tomorrow = at(scenic, issuer.sign(twoDays), Issuer.DAY.plus(Duration.ofHours(20)), issuer.trust());
        assertThat(tomorrow.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(tomorrow.entitlement()).isEqualTo(1);
    }

    private static String flipLastCharacter(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == '0' ? '1' : '0');
    }
}
