package cn.taihang.sign.api;

import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;

/**
 * One digital sign on this gateway, as an OSGi service (it carries its configuration's properties, e.g.
 * {@code device}); for the maintenance console (preview, test message) and the command handler. Works without an
 * uplink.
 */
public interface Sign {

    /** @return the sign's device id */
    String id();

    /** @return a snapshot; never blocks on the panel */
    SignView view();

    /**
     * Activates a message with NTCIP 1203 semantics (priority, duration from {@code issuedAt}).
     *
     * @return the sign right after it was accepted (the panel is updated next)
     * @throws ActivationException if refused: priority too low, bad MULTI or too big, already expired, sign stopping
     */
    SignView activate(Activation activation) throws ActivationException;

    /** Shows the reset message (NTCIP controller reset); safety warnings stay up. */
    void reset();
}
