package quant.core.analysis;

/** Money as results carry it: rounded half-even to cents, so JSON shows two decimals at most. */
public final class Money {
    private Money() {}

    public static double cents(double amount) {
        if (!Double.isFinite(amount)) {
            return amount;
        }
        return java.math.BigDecimal.valueOf(amount)
                .setScale(2, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
