package org.kurultai.applications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Organs;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.AccessLevel;
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
 * The applications pages: the list the viewer may see (with the Secretariat's form to record one: a refused form
 * comes back with the message beside its field and what was typed), and one application with where it stands —
 * its steps, each with its decisions as links to their pages, and how many are done.
 */
@Controller
class ApplicationPages {

	static final String FORM = "application-form";
	/** The new participant's fields, named as the refusals name them ({@code newParticipant.code} …). */
	static final String NEW = "newParticipant.";
	static final Set<String> FIELDS = Set.of("participant", NEW + "code", NEW + "kind", NEW + "nameEn", NEW + "nameRu", "status", "receivedOn",
			"reference", "note", "access");

	private final Applications applications;
	private final AccessPolicy access;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final FormProblems forms;
	private final org.springframework.context.MessageSource messages;

	ApplicationPages(Applications applications, AccessPolicy access, Registry registry, Organs organs, ForumClock clock, FormProblems forms,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.applications = applications;
		this.access = access;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.forms = forms;
	}

	@GetMapping("/applications")
	String list(Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var list = applications.applications(viewer);
		var progress = new HashMap<Long, Progress>();
		list.forEach(application -> progress.put(application.id(), applications.progress(application)));
		model.addAttribute("applications", list);
		model.addAttribute("progress", progress);
		model.addAttribute("mayRecord", applications.mayRecord(user == null ? null : user.account()));
		model.addAttribute("statuses", ParticipantStatus.values());
		model.addAttribute("levels", java.util.List.of(AccessLevel.PARTICIPANTS, AccessLevel.MEMBERS, AccessLevel.SECRETARIAT, AccessLevel.PUBLIC));
		model.addAttribute("participants", registry.roster().participants());
		model.addAttribute("today", clock.today());
		common(model);
		return "applications";
	}

	@PostMapping("/applications")
	String record(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			var participant = form.getFirst("participant");
			var code = form.getFirst(NEW + "code");
			// the radio says which applicant; without it (a client of its own), a new participant's code with no participant chosen
			var applicant = form.getFirst("applicant");
			boolean isNew = applicant != null ? "new".equals(applicant)
					: (participant == null || participant.isBlank()) && code != null && !code.isBlank();
			var recorded = applications.record(user.account(), new Applications.NewApplication(isNew ? null : participant,
					isNew ? new Applications.NewParticipant(code, form.getFirst(NEW + "kind"), form.getFirst(NEW + "nameEn"),
							form.getFirst(NEW + "nameRu")) : null,
					form.getFirst("status"), form.getFirst("receivedOn"), form.getFirst("reference"), form.getFirst("note"), form.getFirst("access")));
			return "redirect:/applications/" + recorded.id();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, FORM, FIELDS, form, model, response);
			return list(model, user);
		}
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable long id, Model model) {
		var viewer = access.currentViewer();
		var application = applications.application(id, viewer);
		model.addAttribute("app", application);
		model.addAttribute("participant", registry.participant(org.kurultai.registry.ParticipantCode.of(application.participant())));
		var progress = applications.progress(application);
		model.addAttribute("progress", progress);
		model.addAttribute("next", progress.state() == ApplicationState.GRANTED ? null : progress.nextDecisionStep());
		model.addAttribute("seen", applications.decisionsSeenBy(application, viewer));
		var bodyNames = new HashMap<String, String>();
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		organs.bodies().forEach(body -> {
			// a body's name in the page's language, from the portal's words for the names the data gives in English
			var english = body.nameOn(clock.today()).name();
			bodyNames.put(body.code(), messages.getMessage("portal.bodyName" + "." + english.replaceAll("[^A-Za-z0-9]", ""), null, english, locale));
		});
		model.addAttribute("bodyNames", bodyNames);
		var stepBodies = new HashMap<Integer, String>();
		for (var step : applications.steps().to(application.status())) {
			stepBodies.put(stepBodies.size() + 1, String.join(" / ", step.bodies().stream().map(code -> bodyNames.getOrDefault(code, code)).toList()));
		}
		model.addAttribute("stepBodies", stepBodies);
		model.addAttribute("mayKnowWho", access.mayKnowWhoActedFor(viewer, null));
		common(model);
		return "application";
	}

	private void common(Model model) {
		model.addAttribute("names", NameLookup.inRequestLanguage(registry.roster()));
		model.addAttribute("language", Locale.forLanguageTag(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()));
		FormProblems.none(model);
	}
}
