package org.reach.clients;

import org.reach.clients.uic.UicScheme;

/** What an organisation manager may change in the organisation's client settings. */
public record ClientSettingsForm(UicScheme scheme, Integer activeMonths, Integer lostAfterMonths) {

    public static ClientSettingsForm of(ClientSettings settings) {
        return new ClientSettingsForm(settings.scheme(), settings.activeMonths(), settings.lostAfterMonths());
    }
}
