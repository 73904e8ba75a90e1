package cn.taihang.bridge.module;

import java.util.List;

/**
 * The bridge API's OAuth 2 scopes, one vocabulary for the routes ({@link Access}), the OpenAPI document, the token
 * command and the identity provider's configuration. What each route needs is named where the route is registered.
 */
public final class Scopes {

    /** Ticket office and sales channels: sell tickets, refund them. */
    public static final String TICKETS_SELL = "tickets:sell";
    /** Ticket administration: rotate and withdraw signing keys, revoke tickets, read the key ring, deny list and conflicts. */
    public static final String TICKETS_ADMIN = "tickets:admin";
    /** Rental desk: book, hand over and take back cars, car states, rebalancing. */
    public static final String RENTAL_DESK = "rental:desk";
    /** Dispatcher: day plans, one-key-call rides. */
    public static final String DISPATCH_PLAN = "dispatch:plan";
    /** Sign operator: central messages, capped below the signs' local safety warnings. */
    public static final String SIGNS_WRITE = "signs:write";
    /** Sign operator allowed to override local safety warnings (audited). */
    public static final String SIGNS_SAFETY_OVERRIDE = "signs:safety-override";
    /** Platform reader: gateways, telemetry and the services' operational views. */
    public static final String TELEMETRY_READ = "telemetry:read";
    /** Prometheus scraping of {@code /metrics}. */
    public static final String METRICS_READ = "metrics:read";
    /** Fleet administration: the audit log, fleet-wide operations, uploading releases, creating and steering rollouts, site kinds. */
    public static final String FLEET_ADMIN = "fleet:admin";
    /** Fleet reader: releases, rollouts and their progress per gateway, site kinds. */
    public static final String FLEET_READ = "fleet:read";
    /**
     * A gateway fetching what it was ordered to install: signed release manifests and bundles by content, nothing else
     * (the narrow token a gateway holds, since the HTTPS API takes no client certificates).
     */
    public static final String FLEET_GATEWAY = "fleet:gateway";

    /** Every scope, for the token command's help. */
    public static final List<String> ALL = List.of(TICKETS_SELL, TICKETS_ADMIN, RENTAL_DESK, DISPATCH_PLAN, SIGNS_WRITE, SIGNS_SAFETY_OVERRIDE,
            TELEMETRY_READ, METRICS_READ, FLEET_ADMIN, FLEET_READ, FLEET_GATEWAY);

    /** What the operations console's operator gets: everything but ticket keys and the safety override. */
    public static final List<String> OPERATOR = List.of(TELEMETRY_READ, METRICS_READ, SIGNS_WRITE, DISPATCH_PLAN, TICKETS_SELL, RENTAL_DESK, FLEET_ADMIN,
            FLEET_READ);

    private Scopes() {
    }
}
