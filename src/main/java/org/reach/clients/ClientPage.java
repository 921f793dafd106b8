package org.reach.clients;

import java.util.List;

/** One page of the client list. */
public record ClientPage(List<Client> clients, int page, int size, long total) {

    public ClientPage {
        clients = List.copyOf(clients);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
