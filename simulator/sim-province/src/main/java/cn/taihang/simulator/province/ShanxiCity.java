package cn.taihang.simulator.province;

/**
 * The 11 prefecture-level cities of Shanxi province, each with the id its sites and gateways are named by (lower-case
 * pinyin, valid in the topic namespace) and its names for people.
 */
public enum ShanxiCity {
    TAIYUAN("taiyuan", "Taiyuan", "太原"),
    DATONG("datong", "Datong", "大同"),
    YANGQUAN("yangquan", "Yangquan", "阳泉"),
    CHANGZHI("changzhi", "Changzhi", "长治"),
    JINCHENG("jincheng", "Jincheng", "晋城"),
    SHUOZHOU("shuozhou", "Shuozhou", "朔州"),
    JINZHONG("jinzhong", "Jinzhong", "晋中"),
    YUNCHENG("yuncheng", "Yuncheng", "运城"),
    XINZHOU("xinzhou", "Xinzhou", "忻州"),
    LINFEN("linfen", "Linfen", "临汾"),
    LVLIANG("lvliang", "Lüliang", "吕梁");

    private final String id;
    private final String english;
    private final String chinese;

    ShanxiCity(String id, String english, String chinese) {
        this.id = id;
        this.english = english;
        this.chinese = chinese;
    }

    /** @return the id sites and gateways of this city start with, e.g. {@code lvliang} */
    public String id() {
        return id;
    }

    /** @return the bilingual name, e.g. {@code Lüliang 吕梁} */
    public String displayName() {
        return english + " " + chinese;
    }
}
