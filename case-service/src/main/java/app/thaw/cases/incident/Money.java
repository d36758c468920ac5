package app.thaw.cases.incident;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, kept as a decimal string so no precision is lost in storage. */
public record Money(String amount, String currency) {

    public Money {
        // Both throw on nonsense, so no Money holds an amount or currency that cannot be read back.
        new BigDecimal(amount);
        java.util.Currency.getInstance(currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
