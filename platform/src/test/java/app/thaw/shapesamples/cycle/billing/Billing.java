package app.thaw.shapesamples.cycle.billing;

import app.thaw.shapesamples.cycle.orders.Orders;

public class Billing {
    public Orders orders() {
        return null;
    }
}
