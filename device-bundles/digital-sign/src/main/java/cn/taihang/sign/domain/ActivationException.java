package cn.taihang.sign.domain;

import cn.taihang.sign.rendering.MultiSyntaxException;

/** An activation was refused (NTCIP 1203 {@code dmsActivateMsgError}); the sign keeps what it showed. */
public final class ActivationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, after NTCIP's {@code dmsActivateMsgError} values. */
    public enum Reason {
        /** Its priority is below the run-time priority of the message shown. */
        PRIORITY,
        /** Its MULTI is malformed, unsupported or does not fit; see {@link #multiError()}. */
        SYNTAX_MULTI,
        /** Its duration had already run out when it arrived. */
        EXPIRED,
        /** The sign cannot take it now (stopping, not started). */
        OTHER
    }

    private final Reason reason;
    private final MultiSyntaxException multiError;

    /** @param detail what happened and what to do */
    public ActivationException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
        this.multiError = null;
    }

    /** @param multiError the MULTI problem */
    public ActivationException(MultiSyntaxException multiError) {
        super(multiError.getMessage(), multiError);
        this.reason = Reason.SYNTAX_MULTI;
        this.multiError = multiError;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return the MULTI problem for {@link Reason#SYNTAX_MULTI}, else {@code null} */
    public MultiSyntaxException multiError() {
        return multiError;
    }
}
