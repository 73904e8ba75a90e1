package cn.taihang.bridge;

import cn.taihang.bridge.dispatch.DispatchModule;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.releases.ReleasesModule;
import cn.taihang.bridge.rental.RentalModule;
import cn.taihang.bridge.signs.SignsModule;
import cn.taihang.bridge.tickets.TicketModule;
import java.time.Clock;
import java.util.List;

/** The modules every assembled bridge runs, in start order, with their ports wired. */
public final class StandardModules {

    private StandardModules() {
    }

    /**
     * @return new instances of every module; the rental's key-locker passes ({@code RentalPassIssuer}, the rental's
     *     port) come from the ticket service, dispatch's hub notices ({@code HubSignPublisher}, dispatch's port) go to
     *     the signs — both start first, so their implementations exist when rental and dispatch start
     */
    public static List<BridgeModule> create() {
        TicketModule tickets = new TicketModule();
        SignsModule signs = new SignsModule();
        return List.of(
                tickets,
                signs,
                new RentalModule(Clock.systemUTC(), ctx -> tickets.rentalPasses()),
                new DispatchModule(Clock.systemUTC(), ctx -> signs.hubNotices(), DispatchModule.REPLAN_MILLIS),
                new ReleasesModule());
    }
}
