package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.port.RentalPassIssuer;
import io.vertx.core.Future;

/**
 * The rental's port implemented for its own tests: a pass names the action and station in place of a signature (the
 * real issuer is the ticket service, tested with the rental in the assembled bridge's {@code RentalPassLoopbackTest}).
 */
final class TestPasses {

    /** Issues {@code T-<action>-<reservation>} passes whose QR text is {@code QR:<reservation>:<station>}. */
    static final RentalPassIssuer ISSUER = e -> Future.succeededFuture(
            new RentalPassIssuer.Pass("T-" + e.action() + "-" + e.reservationId(), "QR:" + e.reservationId() + ":" + e.stationId()));

    private TestPasses() {
    }
}
