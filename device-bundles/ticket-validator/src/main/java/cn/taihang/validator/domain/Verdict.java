package cn.taihang.validator.domain;

import cn.taihang.wire.ticket.TicketException;

/** What a gate says about a scan: accepted, or why not. The name is the code shown, counted and published. */
public enum Verdict {
    ACCEPTED("请通行", "Welcome"),
    NOT_A_TICKET("不是本系统车票", "Not a Taihang ticket"),
    TOO_LARGE("二维码过长", "Code too long"),
    MALFORMED("二维码无法识别", "Unreadable ticket"),
    TRUNCATED("二维码不完整", "Incomplete ticket, scan again"),
    UNSUPPORTED_VERSION("票据版本不支持", "Ticket version not supported"),
    NO_KEY_RING("验票机未获密钥", "Validator has no keys yet"),
    UNKNOWN_KEY("签发密钥未知", "Unknown issuer key"),
    KEY_WITHDRAWN("签发密钥已撤销", "Issuer key withdrawn"),
    BAD_SIGNATURE("票据签名无效", "Invalid or altered ticket"),
    REVOKED("票已退订或作废", "Ticket refunded or revoked"),
    WRONG_GATE("此票不适用于本闸机", "Not valid at this gate"),
    NOT_YET_VALID("票尚未生效", "Ticket not valid yet"),
    EXPIRED("票已过期", "Ticket expired"),
    REPLAYED("票已使用", "Ticket already used"),
    PASSBACK("刚刚已检票", "Just used at this gate"),
    NO_KEY("此柜暂无可取的车钥匙，请联系服务台", "No car key in this locker, please call the desk"),
    LOCKER_FULL("此柜已满，请联系服务台还车", "Locker full, please return the key at the desk"),
    IN_PROGRESS("格门已为此码打开", "A slot is already open for this pass"),
    LEDGER_FAULT("验票机存储故障", "Validator storage fault"),
    CLOCK_FAULT("验票机时钟异常，请联系服务台", "Validator clock fault, please call the desk"),
    BUSY("验票机繁忙，请重扫", "Validator busy, scan again");

    private final String zh;
    private final String en;

    Verdict(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** @return whether the gate opens */
    public boolean accepted() {
        return this == ACCEPTED;
    }

    /** @return the text for people, Chinese then English */
    public String message() {
        return zh + " / " + en;
    }

    /** @return the verdict for a codec or verifier refusal */
    public static Verdict of(TicketException.Reason reason) {
        return switch (reason) {
            case NOT_A_TICKET -> NOT_A_TICKET;
            case TOO_LARGE -> TOO_LARGE;
            case MALFORMED -> MALFORMED;
            case TRUNCATED -> TRUNCATED;
            case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case KEY_WITHDRAWN -> KEY_WITHDRAWN;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
        };
    }
}
