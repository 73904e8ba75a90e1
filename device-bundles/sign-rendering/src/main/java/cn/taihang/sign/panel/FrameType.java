package cn.taihang.sign.panel;

/** The frame types of the panel protocol; see the package documentation for their payloads. */
public enum FrameType {
    /** driver → panel: who are you; panel → driver: geometry, colour scheme, pages, firmware. */
    INFO,
    /** driver → panel: one chunk of a page's pixel stream. */
    PAGE,
    /** driver → panel: show pages 0…n-1 with their times, if their content CRC matches. */
    SHOW,
    /** driver → panel: show nothing. */
    BLNK,
    /** driver → panel: set the LED brightness. */
    BRIT,
    /** driver → panel: report status; panel → driver: the status. */
    STAT,
    /** panel → driver: done. */
    ACKN,
    /** panel → driver: refused, with a code and a reason. */
    NACK
}
