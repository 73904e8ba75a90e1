package cn.taihang.bridge.module;

import java.util.List;

/** The modules every bridge runs, in start order. */
public final class BridgeModules {

    private BridgeModules() {
    }

    /**
     * @return new instances of every module; the rental's key-locker passes come from the ticket service, dispatch's hub
     *     notices go to the signs (both start first, so their services exist when rental and dispatch start)
     */
    public static List<BridgeModule> all() {
        cn.taihang.bridge.tickets.TicketModule tickets = new cn.taihang.bridge.tickets.TicketModule();
        cn.taihang.bridge.signs.SignsModule signs = new cn.taihang.bridge.signs.SignsModule();
        return List.of(
                tickets,
                signs,
                new cn.taihang.bridge.rental.RentalModule(java.time.Clock.systemUTC(), ctx -> tickets.rentalPasses()),
                new cn.taihang.bridge.dispatch.DispatchModule(java.time.Clock.systemUTC(), ctx -> signs.hubNotices(),
                        cn.taihang.bridge.dispatch.DispatchModule.REPLAN_MILLIS));
    }
}
