package org.reach.followup;

import org.reach.clients.Client;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;

/**
 * How often an organisation aims to see each client when nothing else brings them in: every {@code injectingDays}
 * for people who inject (the registry's route is injecting, or the key population is people who inject drugs), every
 * {@code otherDays} for everybody else. Injecting carries the highest risk of overdose and infection, so the shorter
 * rhythm is theirs by default.
 */
public record ContactRhythm(int injectingDays, int otherDays) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;

    /** The days between routine contacts this client should have. */
    public int everyDaysFor(Client client) {
        return injects(client) ? injectingDays : otherDays;
    }

    static boolean injects(Client client) {
        return client.route() == Route.INJECTING || client.keyPopulations().contains(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS);
    }
}
