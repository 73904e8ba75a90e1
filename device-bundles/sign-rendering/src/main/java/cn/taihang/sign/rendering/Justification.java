package cn.taihang.sign.rendering;

/** Line and page justification, with their MULTI codes ({@code [jlN]}, {@code [jpN]}). */
public final class Justification {

    private Justification() {
    }

    /** Horizontal placement of a line: {@code [jl2]} left … {@code [jl5]} full. */
    public enum Line {
        LEFT(2), CENTER(3), RIGHT(4), FULL(5);

        private final int code;

        Line(int code) {
            this.code = code;
        }

        /** @return the MULTI code */
        public int code() {
            return code;
        }

        /** @return the justification with MULTI code {@code code}, or {@code null} if unsupported */
        public static Line ofCode(int code) {
            for (Line l : values()) {
                if (l.code == code) {
                    return l;
                }
            }
            return null;
        }
    }

    /** Vertical placement of a page's lines: {@code [jp2]} top, {@code [jp3]} middle, {@code [jp4]} bottom. */
    public enum Page {
        TOP(2), MIDDLE(3), BOTTOM(4);

        private final int code;

        Page(int code) {
            this.code = code;
        }

        /** @return the MULTI code */
        public int code() {
            return code;
        }

        /** @return the justification with MULTI code {@code code}, or {@code null} if unsupported */
        public static Page ofCode(int code) {
            for (Page p : values()) {
                if (p.code == code) {
                    return p;
                }
            }
            return null;
        }
    }
}
