package org.reach.followup.web;

import java.util.List;
import java.util.Map;

import org.reach.clients.PeerEducator;
import org.reach.followup.ContactRhythmForm;
import org.reach.followup.ContactRhythms;
import org.reach.followup.FollowUp;
import org.reach.followup.PeerAssignmentForm;
import org.reach.followup.Worklist;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class WorklistPages {

    private final FollowUp followUp;
    private final ContactRhythms rhythms;

    WorklistPages(FollowUp followUp, ContactRhythms rhythms) {
        this.followUp = followUp;
        this.rhythms = rhythms;
    }

    @GetMapping("/followup")
    String worklist(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long site, Model model) {
        model.addAttribute("rhythmForm", ContactRhythmForm.of(rhythms.rhythm(me)));
        return worklistPage(me, site, model);
    }

    @PostMapping("/followup/contact-rhythm")
    String changeRhythm(@AuthenticationPrincipal ReachUser me, @ModelAttribute("rhythmForm") ContactRhythmForm form,
                        BindingResult result, Model model) {
        if (!rhythms.mayChange(me)) {
            throw new Forbidden("change contact rhythm");
        }
        return FormErrors.submit(result, () -> {
            rhythms.change(me, form);
            return "redirect:/followup?rhythmSaved";
        }, () -> worklistPage(me, null, model));
    }

    private String worklistPage(ReachUser me, Long site, Model model) {
        Worklist list = followUp.worklist(me, site);
        model.addAttribute("list", list);
        model.addAttribute("mayAssign", followUp.mayAssignPeers(me));
        model.addAttribute("rhythm", rhythms.rhythm(me));
        model.addAttribute("mayChangeRhythm", rhythms.mayChange(me));
        return "followup/worklist";
    }

    @GetMapping("/followup/assignments")
    String assignments(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client, Model model) {
        AssignmentPageForm form = new AssignmentPageForm();
        form.setClientId(client);
        model.addAttribute("form", form);
        return assignmentPage(me, model);
    }

    @PostMapping("/followup/assignments")
    String assign(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") AssignmentPageForm form,
                  BindingResult result, Model model) {
        if (result.hasErrors()) {
            return assignmentPage(me, model);
        }
        try {
            followUp.assign(me, new PeerAssignmentForm(form.getClientId(), form.getClientCode(), form.getPeerId()));
            return "redirect:/followup/assignments?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return assignmentPage(me, model);
        }
    }

    private String assignmentPage(ReachUser me, Model model) {
        List<PeerEducator> peers = followUp.assignablePeers(me);
        Map<Long, Long> assignments = followUp.assignments(me);
        model.addAttribute("peers", peers);
        model.addAttribute("assignments", assignments);
        model.addAttribute("clientCodes", followUp.codes(me, assignments.keySet()));
        model.addAttribute("peerNames", peers.stream().collect(java.util.stream.Collectors.toMap(PeerEducator::id,
                PeerEducator::name, (a, b) -> a)));
        return "followup/assignments";
    }

    public static class AssignmentPageForm {
        private Long clientId;
        private String clientCode = "";
        private Long peerId;

        public Long getClientId() { return clientId; }
        public void setClientId(Long clientId) { this.clientId = clientId; }
        public String getClientCode() { return clientCode; }
        public void setClientCode(String clientCode) { this.clientCode = clientCode; }
        public Long getPeerId() { return peerId; }
        public void setPeerId(Long peerId) { this.peerId = peerId; }
    }
}
