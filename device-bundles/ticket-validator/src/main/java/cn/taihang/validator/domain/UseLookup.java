package cn.taihang.validator.domain;

/** The judge's view of the gateway's redemption ledger (a port; the bundle backs it with the LocalLedger). */
@FunctionalInterface
public interface UseLookup {

    /**
     * A ledger state with its version.
     *
     * @param state uses so far
     * @param version the ledger entry's version, 0 if there is none
     */
    record Versioned(UseState state, long version) {
        /** Never used. */
        public static final Versioned NONE = new Versioned(UseState.NONE, 0);
    }

    /**
     * @param ticketId the ticket
     * @param entitlement the entitlement's index on the ticket
     * @return its uses on this gateway so far
     * @throws LookupFailure if the ledger cannot be read
     */
    Versioned find(long ticketId, int entitlement) throws LookupFailure;

    /** The ledger could not be read; the scan is refused with {@link Verdict#LEDGER_FAULT}. */
    final class LookupFailure extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what failed */
        public LookupFailure(String message) {
            super(message);
        }
    }
}
