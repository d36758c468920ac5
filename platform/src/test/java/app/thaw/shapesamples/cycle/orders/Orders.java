package app.thaw.shapesamples.cycle.orders;

import app.thaw.shapesamples.cycle.billing.Billing;

public class Orders {
    public Billing billing() {
        return new Billing();
    }
}
