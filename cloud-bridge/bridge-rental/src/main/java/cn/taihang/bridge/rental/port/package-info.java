/**
 * The rental's port for key-locker passes: the rental service owns {@link cn.taihang.bridge.rental.port.RentalPassIssuer}
 * and the {@link cn.taihang.bridge.rental.port.RentalEntitlement} it hands over; the ticket service implements it, and
 * the assembled bridge wires the two. The only part of the rental module another service may use.
 */
package cn.taihang.bridge.rental.port;
