package quant.core.routing;

/** Stops waiting to be placed, for {@link RouteSearch}. */
final class Bank {
    final int[] items;
    int size;

    Bank(int capacity) {
        items = new int[capacity];
    }

    void add(int c) {
        items[size++] = c;
    }

    void copyFrom(Bank o) {
        System.arraycopy(o.items, 0, items, 0, o.size);
        size = o.size;
    }
}
