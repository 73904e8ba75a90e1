package cn.taihang.bridge.ca;

import cn.taihang.identity.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the CA names itself and how long what it signs is valid; {@link #defaults()} is the one place of the defaults.
 *
 * @param organisation the O of the CA certificates' subjects, e.g. {@code Jincheng Taihang Edge}
 * @param rootValidity the root's validity (its key is meant to be kept offline)
 * @param issuingValidity the online issuing CA's validity
 * @param gatewayValidity a gateway certificate's validity
 * @param bridgeValidity a bridge instance certificate's validity
 * @param brokerValidity a broker certificate's validity
 * @param crlValidity time from a CRL's issue to its next-update; re-issue it well before ({@code pki crl})
 * @param backdate how far before "now" a holder certificate's validity starts, for holders whose clock is behind
 * @param clock the CA's clock
 */
public record CaPolicy(String organisation, Duration rootValidity, Duration issuingValidity, Duration gatewayValidity,
                       Duration bridgeValidity, Duration brokerValidity, Duration crlValidity, Duration backdate, Clock clock) {

    /** @throws IllegalArgumentException if a duration is not positive or the organisation is blank */
    public CaPolicy {
        Objects.requireNonNull(clock, "clock");
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("the CA's organisation name must not be blank");
        }
        for (Duration d : new Duration[] {rootValidity, issuingValidity, gatewayValidity, bridgeValidity, brokerValidity, crlValidity}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("validity periods must be positive, got " + d);
            }
        }
        if (backdate == null || backdate.isNegative()) {
            throw new IllegalArgumentException("backdate must not be negative, got " + backdate);
        }
    }

    /**
     * Root 20 years, issuing CA 5 years, gateways 2 years, bridge instances and brokers 397 days, CRLs 30 days
     * (long enough for a gateway offline for weeks to still trust its CRL on return; revocations take effect when a
     * fresh CRL is published, not at next-update), holder certificates valid from 1 hour before issue, system clock.
     */
    public static CaPolicy defaults() {
        return new CaPolicy("Taihang Edge", Duration.ofDays(20 * 365 + 5), Duration.ofDays(5 * 365 + 1), Duration.ofDays(730),
                Duration.ofDays(397), Duration.ofDays(397), Duration.ofDays(30), Duration.ofHours(1), Clock.systemUTC());
    }

    /** @return this policy with another clock (tests issue expired and not-yet-valid certificates so) */
    public CaPolicy withClock(Clock other) {
        return new CaPolicy(organisation, rootValidity, issuingValidity, gatewayValidity, bridgeValidity, brokerValidity,
                crlValidity, backdate, other);
    }

    /** @return this policy with another organisation name */
    public CaPolicy withOrganisation(String other) {
        return new CaPolicy(other, rootValidity, issuingValidity, gatewayValidity, bridgeValidity, brokerValidity, crlValidity,
                backdate, clock);
    }

    /** @return this policy with another validity for the certificates of one kind of holder */
    public CaPolicy withValidity(Kind kind, Duration validity) {
        return new CaPolicy(organisation, rootValidity, issuingValidity, kind == Kind.GATEWAY ? validity : gatewayValidity,
                kind == Kind.BRIDGE ? validity : bridgeValidity, kind == Kind.BROKER ? validity : brokerValidity, crlValidity,
                backdate, clock);
    }

    /** @return the validity of a certificate for this kind of holder */
    public Duration validity(Kind kind) {
        return switch (kind) {
            case GATEWAY -> gatewayValidity;
            case BRIDGE -> bridgeValidity;
            case BROKER -> brokerValidity;
        };
    }
}
