/**
 * The ticket validator as OSGi components (never exported): {@link cn.taihang.validator.internal.TrustComponent}
 * keeps the key ring and deny list the bridge sends (retained fleet commands, stored in the LocalLedger);
 * {@link cn.taihang.validator.internal.GateComponent} is one gate per factory configuration
 * {@code cn.taihang.validator.gate}: scanner line in, judge, ledger, relay out, records;
 * {@link cn.taihang.validator.internal.LockerComponent} is one rental key locker per factory configuration
 * {@code cn.taihang.validator.locker}: scanner line in, judge, slot lock out, door contacts in, {@code rental.*} records.
 */
package cn.taihang.validator.internal;
