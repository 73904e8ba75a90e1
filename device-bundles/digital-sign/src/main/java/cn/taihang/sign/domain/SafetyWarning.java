package cn.taihang.sign.domain;

import java.util.Objects;

/**
 * A local safety warning (fog, ice, wind…) raised from an alarm, shown as a Chinese page then an English page.
 *
 * @param id the alarm's id
 * @param kind the alarm kind, e.g. {@code fog}
 * @param chinese the Chinese page, MULTI
 * @param english the English page, MULTI
 */
public record SafetyWarning(String id, String kind, String chinese, String english) {

    /** Validates. */
    public SafetyWarning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chinese, "chinese");
        Objects.requireNonNull(english, "english");
    }

    /** @return the two pages as one MULTI string, Chinese first */
    public String multi() {
        return chinese + "[np]" + english;
    }
}
