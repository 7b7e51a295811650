package org.kurultai.decisions;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.Drafting;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Organs;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The decision pages: the register, and a decision with its procedure (the silence deadline in the
 * zone it was set in and in the forum's), objections, votes and statements; the forms through which
 * the chair puts a text for decision and closes it, and delegations object, vote or file statements.
 */
@Controller
class DecisionPages {

	private final Decisions decisions;
	private final Drafting drafting;
	private final AccessPolicy access;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final ForumProperties forum;

	private final org.kurultai.meetings.Meetings meetings;

	DecisionPages(Decisions decisions, Drafting drafting, AccessPolicy access, Registry registry, Organs organs, ForumClock clock,
			ForumProperties forum, org.kurultai.meetings.Meetings meetings) {
		this.meetings = meetings;
		this.decisions = decisions;
		this.drafting = drafting;
		this.access = access;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.forum = forum;
	}

	@GetMapping("/decisions")
	String register(@RequestParam @Nullable String body, @RequestParam @Nullable Integer year, @RequestParam @Nullable String document,
			Model model) {
		var viewer = access.currentViewer();
		var list = document == null || document.isBlank() ? decisions.register(viewer, body, year)
				: decisions.ofDocument(document, viewer);
		model.addAttribute("decisions", list);
		// the meetings of the decisions: the register already left out those the viewer may not know
		var shownMeetings = new java.util.HashMap<Long, String>();
		list.stream().filter(d -> d.meeting() != null).forEach(d -> shownMeetings.put(d.id(), d.meeting()));
		model.addAttribute("meetings", shownMeetings);
		var titles = new java.util.HashMap<String, String>();
		drafting.documents(viewer).forEach(shown -> titles.put(shown.id(), shown.symbol() + " — " + shown.title()));
		model.addAttribute("documents", titles);
		model.addAttribute("body", body);
		model.addAttribute("year", year);
		model.addAttribute("bodies", organs.bodies());
		common(model, "Decisions");
		return "decisions";
	}

	@GetMapping("/decisions/{id}")
	String decision(@PathVariable long id, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		details(id, model, user);
		common(model, "Decision " + id);
		return "decision";
	}

	/** The live part of the page: status, deadline, outcome; polled while the procedure is open. */
	@GetMapping("/decisions/{id}/status")
	String status(@PathVariable long id, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		details(id, model, user);
		common(model, "Decision " + id);
		return "decision-status";
	}

	private void details(long id, Model model, @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var decision = decisions.decision(id, viewer);
		var document = drafting.document(decision.document(), viewer);
		model.addAttribute("decision", decision);
		model.addAttribute("meeting", decision.meeting() == null ? null
				: meetings.meeting(decision.meeting(), access.seenBy(viewer)).orElse(null));
		model.addAttribute("document", document);
		model.addAttribute("version", drafting.version(document.id(), decision.version(), viewer));
		model.addAttribute("bodyName", organs.body(decision.body()).nameOn(clock.today()).name());
		boolean participantsView = access.maySee(viewer, org.kurultai.shared.Access.of(org.kurultai.shared.AccessLevel.PARTICIPANTS));
		var objections = decisions.objections(id, viewer);
		model.addAttribute("objectionCount", objections.size());
		model.addAttribute("objections", participantsView ? objections : List.of());
		model.addAttribute("participantsView", participantsView);
		model.addAttribute("votes", decisions.votes(id, viewer));
		model.addAttribute("statements", decisions.statements(id, viewer));
		model.addAttribute("permissions", decisions.permissions(decision, user == null ? null : user.account()));
		boolean member = viewer.mandate() != null && viewer.mandate().mayObject();
		model.addAttribute("kinds", java.util.Arrays.stream(StatementKind.values()).filter(kind -> member || !kind.membersOnly()).toList());
		model.addAttribute("deadlineInForumZone", decision.deadline() == null ? null : decision.deadline().atZone(clock.zone()));
		model.addAttribute("dueNow", decision.dueAt(clock.now()));
	}

	@PostMapping("/documents/{id}/decisions")
	String propose(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam String body, @RequestParam int version,
			@RequestParam @Nullable DecisionKind kind, @RequestParam Procedure procedure,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime deadline,
			@RequestParam @Nullable String timeZone, @RequestParam @Nullable String meeting, @RequestParam @Nullable String present) {
		var decision = decisions.propose(user.account(), new Decisions.Proposal(body, id, version, kind, null, null, procedure,
				meeting == null || meeting.isBlank() ? null : meeting.trim(), codes(present), deadline, timeZone, null));
		return "redirect:/decisions/" + decision.id();
	}

	@PostMapping("/decisions/{id}/objections")
	String object(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam String reasons) {
		decisions.object(user.account(), id, reasons);
		return "redirect:/decisions/" + id;
	}

	@PostMapping("/decisions/{id}/votes")
	String vote(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam Vote vote) {
		decisions.vote(user.account(), id, vote);
		return "redirect:/decisions/" + id;
	}

	@PostMapping("/decisions/{id}/close")
	String close(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		decisions.close(user.account(), id);
		return "redirect:/decisions/" + id;
	}

	@PostMapping("/decisions/{id}/statements")
	String file(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam StatementKind kind,
			@RequestParam @Nullable String paragraph, @RequestParam String text) {
		decisions.file(user.account(), id, kind, paragraph, text);
		return "redirect:/decisions/" + id + "#statements";
	}

	private List<String> codes(@Nullable String list) {
		var codes = new ArrayList<String>();
		if (list != null) {
			for (var code : list.split("[,;\\s]+")) {
				if (!code.isBlank()) {
					codes.add(code.trim().toUpperCase(Locale.ROOT));
				}
			}
		}
		return codes;
	}

	private void common(Model model, String title) {
		model.addAttribute("title", title);
		model.addAttribute("forum", forum.name());
		model.addAttribute("forumZone", clock.zone().getId());
		var roster = registry.roster();
		model.addAttribute("names", new org.kurultai.registry.NameLookup(roster));
	}
}
