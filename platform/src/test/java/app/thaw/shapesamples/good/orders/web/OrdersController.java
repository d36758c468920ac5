package app.thaw.shapesamples.good.orders.web;

import app.thaw.shapesamples.good.orders.Orders;

class OrdersController {
    private final Orders orders = new Orders();

    String get(String id) {
        return orders.find(id);
    }
}
