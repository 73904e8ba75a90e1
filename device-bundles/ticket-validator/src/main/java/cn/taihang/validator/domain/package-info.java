/**
 * The validator's rules as plain Java. Gates: {@link cn.taihang.validator.domain.TicketJudge} decides on a scan from
 * the ticket, the gate's {@link cn.taihang.validator.domain.GateRules}, the {@link cn.taihang.validator.domain.Trust}
 * (key ring, deny list) and the ledger ({@link cn.taihang.validator.domain.UseLookup}); every refusal has its
 * own {@link cn.taihang.validator.domain.Verdict}. Key lockers: {@link cn.taihang.validator.domain.LockerStock} chooses
 * the slot a rental pass opens from what each slot holds ({@link cn.taihang.validator.domain.SlotContent}), and
 * {@link cn.taihang.validator.domain.DoorWatch} follows each slot's door (unlock window, opening, settled close, alarms).
 * No OSGi, no I/O.
 */
package cn.taihang.validator.domain;
