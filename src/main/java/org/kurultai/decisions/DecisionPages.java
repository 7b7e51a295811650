package org.kurultai.decisions;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.DocumentPages;
import org.kurultai.drafting.Drafting;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Organs;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The decision pages: the register, and a decision with its procedure (the silence deadline in the
 * zone it was set in, in the forum's and in the viewer's own), objections, votes and statements, all
 * naming States by their names in the page's language; the forms through which the chair puts a text
 * for decision and closes it, and delegations object, vote or file statements. A refused form comes
 * back on its page with the message beside the field and what was typed ({@link FormProblems}).
 */
@Controller
class DecisionPages {

	private final Decisions decisions;
	private final Drafting drafting;
	private final AccessPolicy access;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final org.kurultai.meetings.Meetings meetings;
	private final FormProblems forms;
	private final DocumentPages documentPages;
	private final OutcomeNotes outcomes;

	DecisionPages(Decisions decisions, Drafting drafting, AccessPolicy access, Registry registry, Organs organs, ForumClock clock,
			org.kurultai.meetings.Meetings meetings, FormProblems forms, DocumentPages documentPages, OutcomeNotes outcomes) {
		this.meetings = meetings;
		this.decisions = decisions;
		this.drafting = drafting;
		this.access = access;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.forms = forms;
		this.documentPages = documentPages;
		this.outcomes = outcomes;
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
		var bodies = organs.bodies();
		model.addAttribute("bodies", bodies);
		var bodyNames = new java.util.HashMap<String, String>();
		bodies.forEach(b -> bodyNames.put(b.code(), b.nameOn(clock.today()).name()));
		model.addAttribute("bodyNames", bodyNames);
		common(model);
		return "decisions";
	}

	@GetMapping("/decisions/{id}")
	String decision(@PathVariable long id, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale) {
		details(id, model, user, locale);
		common(model);
		return "decision";
	}

	/** The live part of the page: status, deadline, outcome; polled while the procedure is open. */
	@GetMapping("/decisions/{id}/status")
	String status(@PathVariable long id, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale) {
		// while the procedure is open the fragment is only the status (polled every 2 s): only what it shows is read
		details(id, model, user, locale, false);
		common(model);
		return "decision-status";
	}

	private void details(long id, Model model, @Nullable KurultaiUser user, Locale locale) {
		details(id, model, user, locale, true);
	}

	/** What the page shows of the decision; {@code whole}: also its acts and statements (else only while it is closed). */
	private void details(long id, Model model, @Nullable KurultaiUser user, Locale locale, boolean whole) {
		var viewer = access.currentViewer();
		var decision = decisions.decision(id, viewer);
		var document = decision.document() == null ? null : drafting.document(decision.document(), viewer);
		model.addAttribute("decision", decision);
		model.addAttribute("meeting", decision.meeting() == null ? null
				: meetings.meeting(decision.meeting(), access.seenBy(viewer)).orElse(null));
		model.addAttribute("document", document);
		model.addAttribute("version", document == null || decision.version() == null ? null
				: drafting.version(document.id(), decision.version(), viewer));
		boolean participantsView = access.maySee(viewer, org.kurultai.shared.Access.of(org.kurultai.shared.AccessLevel.PARTICIPANTS));
		var objections = decisions.objections(id, viewer);
		model.addAttribute("objectionCount", objections.size());
		model.addAttribute("dueNow", decision.dueAt(clock.now()));
		// a break of silence ended the procedure before its deadline: the page says so instead of counting down
		model.addAttribute("endedBySilenceBroken", decision.status() == DecisionStatus.SILENCE_BROKEN && decision.closedAt() != null
				&& decision.deadline() != null && decision.timeZone() != null && decision.closedAt().isBefore(decision.deadline()));
		model.addAttribute("outcome", decision.outcomeNote() == null || decision.recorded() ? null
				: outcomes.inLanguage(decision.outcomeNote(), locale));
		if (!whole && decision.open()) {
			return;
		}
		model.addAttribute("effects", decisions.effects(decision));
		model.addAttribute("bodyName", organs.body(decision.body()).nameOn(clock.today()).name());
		model.addAttribute("objections", participantsView ? objections : List.of());
		model.addAttribute("participantsView", participantsView);
		model.addAttribute("votes", decisions.votes(id, viewer));
		model.addAttribute("statements", decisions.statements(id, viewer));
		model.addAttribute("permissions", decisions.permissions(decision, user == null ? null : user.account()));
		boolean member = viewer.mandate() != null && viewer.mandate().mayObject();
		model.addAttribute("kinds", java.util.Arrays.stream(StatementKind.values()).filter(kind -> member || !kind.membersOnly()).toList());
	}

	@PostMapping("/documents/{id}/decisions")
	String propose(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			var kindName = form.getFirst("kind");
			var kind = kindName == null || kindName.isBlank() ? null : choice(DecisionKind.class, kindName, "kind");
			var procedure = choice(Procedure.class, form.getFirst("procedure"), "procedure");
			int version;
			try {
				version = Integer.parseInt(String.valueOf(form.getFirst("version")).trim());
			}
			catch (NumberFormatException notANumber) {
				throw new FormProblem.Refusal("version", "drafting.form.unknown-version", String.valueOf(form.getFirst("version")));
			}
			LocalDateTime deadline = null;
			var typedDeadline = form.getFirst("deadline");
			if (procedure == Procedure.SILENCE && typedDeadline != null && !typedDeadline.isBlank()) {
				try {
					deadline = LocalDateTime.parse(typedDeadline.trim());
				}
				catch (DateTimeParseException unreadable) {
					throw new FormProblem.Refusal("deadline", "decisions.form.bad-deadline", typedDeadline);
				}
			}
			var meeting = form.getFirst("meeting");
			var decision = decisions.propose(user.account(), new Decisions.Proposal(String.valueOf(form.getFirst("body")), id, version, kind,
					null, null, procedure, meeting == null || meeting.isBlank() ? null : meeting.trim(), codes(form.getFirst("present")), deadline,
					form.getFirst("timeZone"), null));
			return "redirect:/decisions/" + decision.id();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "decision-form", Set.of("body", "kind", "deadline", "timeZone", "meeting", "present"), form, model, response);
			return documentPages.show(id, null, model, user, locale);
		}
	}

	@PostMapping("/decisions/{id}/objections")
	String object(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			decisions.object(user.account(), id, String.valueOf(form.getFirst("reasons") == null ? "" : form.getFirst("reasons")));
			return "redirect:/decisions/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "object-form", Set.of("reasons"), form, model, response);
			return decision(id, model, user, locale);
		}
	}

	@PostMapping("/decisions/{id}/votes")
	String vote(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			decisions.vote(user.account(), id, choice(Vote.class, form.getFirst("vote"), "vote"));
			return "redirect:/decisions/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "vote-form", Set.of(), form, model, response);
			return decision(id, model, user, locale);
		}
	}

	@PostMapping("/decisions/{id}/close")
	String close(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			decisions.close(user.account(), id);
			return "redirect:/decisions/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "close-form", Set.of(), form, model, response);
			return decision(id, model, user, locale);
		}
	}

	@PostMapping("/decisions/{id}/withdrawal")
	String withdraw(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			decisions.withdraw(user.account(), id, form.getFirst("reason"));
			return "redirect:/decisions/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "withdraw-form", Set.of("reason"), form, model, response);
			return decision(id, model, user, locale);
		}
	}

	@PostMapping("/decisions/{id}/statements")
	String file(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		try {
			var text = form.getFirst("text");
			decisions.file(user.account(), id, choice(StatementKind.class, form.getFirst("kind"), "kind"), form.getFirst("paragraph"),
					text == null ? "" : text);
			return "redirect:/decisions/" + id + "#statements";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "statement-form", Set.of("kind", "paragraph", "text"), form, model, response);
			return decision(id, model, user, locale);
		}
	}

	/** A value of an enumeration named in a form; anything else is refused on that field. */
	private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String field) {
		try {
			return Enum.valueOf(type, String.valueOf(value).trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new FormProblem.Refusal(field, "drafting.form.unknown-choice", String.valueOf(value));
		}
	}

	private static List<String> codes(@Nullable String list) {
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

	private void common(Model model) {
		model.addAttribute("forumZone", clock.zone().getId());
		model.addAttribute("names", org.kurultai.registry.NameLookup.inRequestLanguage(registry.roster()));
		FormProblems.none(model);
	}
}
