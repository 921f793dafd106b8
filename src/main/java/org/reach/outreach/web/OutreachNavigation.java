package org.reach.outreach.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reach.outreach.Microplans;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.PeerCaseloads;
import org.reach.outreach.PeerMonth;
import org.reach.outreach.Stock;
import org.reach.outreach.StockLevel;
import org.reach.platform.NavigationContributor;
import org.reach.platform.NavigationEntry;
import org.reach.platform.ReachUser;
import org.reach.platform.StartPageNotice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

@Component
class OutreachNavigation implements NavigationContributor {

    private final OutreachSessions sessions;
    private final Stock stock;
    private final Microplans microplans;
    private final MessageSource messages;

    OutreachNavigation(OutreachSessions sessions, Stock stock, Microplans microplans, MessageSource messages) {
        this.sessions = sessions;
        this.stock = stock;
        this.microplans = microplans;
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> menu(ReachUser person) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (sessions.mayRead(person)) {
            entries.add(NavigationEntry.link("nav-outreach", "/outreach/sessions", "nav.outreach", 45));
        }
        if (microplans.mayRead(person)) {
            entries.add(NavigationEntry.link("nav-plan", "/outreach/plan", "nav.plan", 46));
        }
        if (stock.mayRead(person)) {
            entries.add(NavigationEntry.link("nav-stock", "/outreach/stock", "nav.stock", 65));
        }
        return entries;
    }

    @Override
    public List<NavigationEntry> quickActions(ReachUser person) {
        return sessions.mayRecord(person)
                ? List.of(NavigationEntry.link("quick-record-session", "/outreach/sessions/new", "home.quick.recordSession", 25))
                : List.of();
    }

    /** Site managers and organisation managers hear of every item to reorder at the sites they keep. */
    @Override
    public List<StartPageNotice> notices(ReachUser person) {
        List<StartPageNotice> notices = new ArrayList<>();
        if (microplans.hasOwnFigures(person)) {
            PeerMonth month = microplans.month(person);
            notices.add(new StartPageNotice("notice-my-month", false, "outreach.notice.myMonth", List.of(month.contacts(),
                    month.target(), month.syringes(), month.condoms(), month.naloxone()), "/outreach/sessions", 10));
            if (month.caseload() != null) {
                notices.add(new StartPageNotice("notice-my-caseload", !month.caseloadWithinNorm(),
                        "outreach.notice.caseload", List.of(month.caseload(), PeerCaseloads.NORM_LOW,
                        PeerCaseloads.NORM_HIGH), null, 11));
            }
        }
        Locale locale = Locale.forLanguageTag(person.language() == null ? "en" : person.language());
        for (StockLevel level : stock.toReorder(person)) {
            String item = messages.getMessage(level.item().messageKey(), null, level.item().name(), locale);
            String id = "notice-reorder-" + level.siteId() + "-" + level.item().name().toLowerCase(Locale.ROOT);
            notices.add(level.stockedOut()
                    ? new StartPageNotice(id, true, "outreach.notice.stockOut", List.of(item, level.siteName()), "/outreach/stock", 30)
                    : new StartPageNotice(id, false, "outreach.notice.reorder", List.of(item, level.siteName(),
                    level.daysLeft()), "/outreach/stock", 31));
        }
        return notices;
    }
}
