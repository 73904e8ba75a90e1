/**
 * The gateway's durable store-and-forward, in one SQLite file (never exported).
 *
 * <ul>
 *   <li><b>Durability</b>: WAL with {@code synchronous=FULL}; one writer connection on one thread commits
 *       whatever is queued in one transaction (group commit) and only then completes the publishers' stages.
 *       A stage that completed means the record survives a crash or power cut.</li>
 *   <li><b>Sequence numbers</b>: persisted in {@code meta} with the records, never reused after deletes; a fresh
 *       file (first start, or a damaged one replaced) starts above both the epoch time in µs and a durable
 *       reservation kept beside the file ({@code <file>.seq}, extended once per million numbers), so a replaced store
 *       cannot reissue a number the bridge already recorded, even with a clock that went back (see
 *       {@link cn.taihang.store.internal.StoreFile}, {@link cn.taihang.store.internal.SequenceReservation}).</li>
 *   <li><b>Quota</b>: counted in record bytes (body + ids + a fixed row overhead). When a record would exceed
 *       it, the oldest records of the least important class are evicted (bulk, normal, high), never critical,
 *       and never a class more important than the incoming record's; a record that cannot be fitted fails with
 *       {@code FULL}, the health turns DOWN and the {@code store-full} alarm is raised. Critical {@code alarm.*}
 *       records may use a reserve above the quota (1/64 of it, at least 16 KiB), so that alarm reaches the bridge. A full disk (or {@code maxFileBytes}) fails the
 *       publishes of that commit with {@code FULL} (alarm {@code store-disk-full}); the transaction rolls back
 *       whole, the file stays consistent.</li>
 *   <li><b>Damage</b>: at open, {@code PRAGMA quick_check}; a damaged file (or not a database) is moved aside
 *       as {@code <file>.damaged-<UTC time>} with its WAL, a fresh file is created, the health is DEGRADED and
 *       the {@code store-file-replaced} alarm is active until the next restart.</li>
 *   <li><b>Draining</b>: claims go by class then sequence; the in-flight set is in memory (everything is
 *       pending again after a restart); acknowledged records are deleted by the writer, batched with other
 *       writes, so there is no housekeeping stall. Expiry per class runs every {@code expirySweepSeconds}.</li>
 * </ul>
 */
package cn.taihang.store.internal;
