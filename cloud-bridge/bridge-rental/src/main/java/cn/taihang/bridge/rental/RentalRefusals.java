package cn.taihang.bridge.rental;

import cn.taihang.bridge.module.ServiceException;

/**
 * The rental's refusals: {@link ServiceException}s that always carry a machine-readable reason ({@code invalid},
 * {@code not-found}, {@code no-car-available}, {@code too-early}, …), as the rental's problem answers document.
 */
final class RentalRefusals {

    private RentalRefusals() {
    }

    static ServiceException invalid(String message) {
        return ServiceException.invalid(message).withReason("invalid");
    }

    static ServiceException notFound(String what) {
        return ServiceException.notFound(what + " does not exist; check the id").withReason("not-found");
    }

    static ServiceException conflict(String reason, String message) {
        return ServiceException.conflict(message).withReason(reason);
    }
}
