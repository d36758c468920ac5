package app.thaw.shapesamples.good.billing;

import app.thaw.shapesamples.good.orders.Orders;

/** Another feature, using orders through its public API only. */
public class Billing {
    private final Orders orders = new Orders();

    public String bill(String id) {
        return orders.find(id);
    }
}
