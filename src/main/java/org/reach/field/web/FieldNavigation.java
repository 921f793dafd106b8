package org.reach.field.web;

import java.util.ArrayList;
import java.util.List;

import org.reach.field.FieldConflicts;
import org.reach.field.FieldDevices;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

@Component
class FieldNavigation implements NavigationContributor {

    private final FieldDevices devices;
    private final FieldConflicts conflicts;

    FieldNavigation(FieldDevices devices, FieldConflicts conflicts) {
        this.devices = devices;
        this.conflicts = conflicts;
    }

    /** Start-page actions only: the menu is kept short for small phones. */
    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        return List.of();
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (devices.mayEnrol(person)) {
            entries.add(NavigationEntry.link("quick-field-app", "/field", "home.quick.fieldApp", 5));
        }
        if (devices.mayManage(person)) {
            entries.add(NavigationEntry.link("quick-field-devices", "/field/devices", "home.quick.fieldDevices", 88));
        }
        if (conflicts.mayResolve(person)) {
            entries.add(NavigationEntry.link("quick-field-conflicts", "/field/conflicts", "home.quick.fieldConflicts", 89));
        }
        return entries;
    }
}
