package org.reach.partners.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.reach.organisations.Organisation;
import org.reach.partners.ActionPlans;
import org.reach.partners.CapacityBuilding;
import org.reach.partners.ExchangeVisitForm;
import org.reach.partners.Participant;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.TrainingForm;
import org.reach.partners.Visitor;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.ReachUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Trainings and exchange visits. Forms have a few fixed rows so they work without JavaScript. */
@Controller
class CapacityPages {

    static final int ROWS = 4;

    private final CapacityBuilding capacity;
    private final ActionPlans actions;
    private final PartnerAssessments assessments;

    CapacityPages(CapacityBuilding capacity, ActionPlans actions, PartnerAssessments assessments) {
        this.capacity = capacity;
        this.actions = actions;
        this.assessments = assessments;
    }

    @GetMapping("/partners/capacity")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("trainings", capacity.trainings(me));
        model.addAttribute("visits", capacity.exchangeVisits(me));
        model.addAttribute("mayRecord", !assessments.assessablePartners(me).isEmpty());
        return "partners/capacity";
    }

    @GetMapping("/partners/trainings/new")
    String newTraining(@AuthenticationPrincipal ReachUser me, Model model) {
        return form(me, model, "partners/training-form");
    }

    @PostMapping("/partners/trainings/new")
    String createTraining(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String topic,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          @RequestParam(required = false) Long trainerOrganisationId,
                          @RequestParam(required = false) String trainers,
                          @RequestParam(required = false) List<String> participantOrganisation,
                          @RequestParam(required = false) List<String> participantRole,
                          @RequestParam(required = false) List<String> participantPre,
                          @RequestParam(required = false) List<String> participantPost,
                          @RequestParam(required = false) List<Long> actionIds, Model model) {
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; participantOrganisation != null && i < participantOrganisation.size(); i++) {
            Long organisation = number(participantOrganisation.get(i)) == null ? null : number(participantOrganisation.get(i)).longValue();
            String role = at(participantRole, i);
            if (organisation == null && (role == null || role.isBlank())) {
                continue;
            }
            participants.add(new Participant(organisation, null, role, number(at(participantPre, i)),
                    number(at(participantPost, i))));
        }
        return FormErrors.submit(model, () -> {
            capacity.recordTraining(me, new TrainingForm(topic, date, trainerOrganisationId, trainers, participants, actionIds));
            return "redirect:/partners/capacity?saved";
        }, () -> form(me, model, "partners/training-form"));
    }

    @GetMapping("/partners/exchange-visits/new")
    String newVisit(@AuthenticationPrincipal ReachUser me, Model model) {
        return form(me, model, "partners/visit-form");
    }

    @PostMapping("/partners/exchange-visits/new")
    String createVisit(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long hostOrganisationId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitStart,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitEnd,
                       @RequestParam(required = false) String purpose, @RequestParam(required = false) String learningNotes,
                       @RequestParam(required = false) List<String> visitorOrganisation,
                       @RequestParam(required = false) List<String> visitorPeople,
                       @RequestParam(required = false) List<Long> actionIds, Model model) {
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; visitorOrganisation != null && i < visitorOrganisation.size(); i++) {
            Integer organisation = number(visitorOrganisation.get(i));
            if (organisation == null) {
                continue;
            }
            visitors.add(new Visitor(organisation.longValue(), null, number(at(visitorPeople, i))));
        }
        return FormErrors.submit(model, () -> {
            capacity.recordExchangeVisit(me, new ExchangeVisitForm(hostOrganisationId, visitStart, visitEnd, purpose,
                    learningNotes, visitors, actionIds));
            return "redirect:/partners/capacity?saved";
        }, () -> form(me, model, "partners/visit-form"));
    }

    private String form(ReachUser me, Model model, String view) {
        List<Organisation> partners = assessments.assessablePartners(me);
        if (partners.isEmpty() || !capacity.mayRecord(me)) {
            throw new Forbidden("record capacity building");
        }
        model.addAttribute("partners", partners);
        model.addAttribute("actions", actions.actions(me, null));
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ROWS).boxed().toList());
        return view;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
