package dev.fleetsim.report;

import java.math.BigDecimal;

/** How reports spell money: an exact decimal string with at least two fraction digits ("29.60", "0.0816"). */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }
}
