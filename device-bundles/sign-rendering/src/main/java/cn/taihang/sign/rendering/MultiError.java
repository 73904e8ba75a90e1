package cn.taihang.sign.rendering;

/**
 * Why a MULTI string was refused, named after NTCIP 1203's {@code dmsMultiSyntaxError} values (the
 * camel-case name of each constant is {@link #ntcipName()}).
 */
public enum MultiError {
    /** Malformed markup: an unclosed tag, a lone {@code ]}, an over-long string. */
    OTHER("other"),
    /** A tag this sign does not implement (flashing, moving text, graphics, fields…) or an unknown tag. */
    UNSUPPORTED_TAG("unsupportedTag"),
    /** A known tag with a value out of range or not supported here (e.g. a colour a tri-colour panel lacks). */
    UNSUPPORTED_TAG_VALUE("unsupportedTagValue"),
    /** The text does not fit the panel; it is never truncated. */
    TEXT_TOO_BIG("textTooBig"),
    /** A font number the sign does not have. */
    FONT_NOT_DEFINED("fontNotDefined"),
    /** A character the font has no glyph for, or a control character. */
    CHARACTER_NOT_DEFINED("characterNotDefined"),
    /** A tag where it cannot apply, e.g. a page justification after text on the page. */
    TAG_CONFLICT("tagConflict"),
    /** More pages than the panel can hold. */
    TOO_MANY_PAGES("tooManyPages"),
    /** A font version id in {@code [foN,cccc]}; this sign takes plain {@code [foN]}. */
    FONT_VERSION_ID("fontVersionID");

    private final String ntcipName;

    MultiError(String ntcipName) {
        this.ntcipName = ntcipName;
    }

    /** @return the NTCIP 1203 name, e.g. {@code unsupportedTag} */
    public String ntcipName() {
        return ntcipName;
    }
}
