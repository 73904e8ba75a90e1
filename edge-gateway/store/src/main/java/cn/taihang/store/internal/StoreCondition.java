package cn.taihang.store.internal;

/**
 * A condition of the store that an operator must hear about. The {@link StoreComponent} raises the active ones as
 * gateway alarms (they are also in the store's health report).
 */
public enum StoreCondition {
    /** The quota is full of records that may not be evicted (critical ones, or a class above the incoming record's). */
    QUOTA_FULL,
    /** The disk (or {@code maxFileBytes}) is full: commits fail with SQLITE_FULL. */
    DISK_FULL,
    /** SQLite reported the file damaged while running; a restart moves it aside. */
    DAMAGED,
    /** At start the file was damaged; it was moved aside (kept for forensics) and a fresh store is in use. */
    FILE_REPLACED;

    /** Hears of conditions as they come and go. Called on the store's writer thread: return quickly, never block. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param condition which condition
         * @param active whether it now holds
         * @param detail for people: figures and what to do
         */
        void changed(StoreCondition condition, boolean active, String detail);
    }
}
