package org.kurultai.fund;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.PriorityArea;
import org.kurultai.fund.ProjectState.Act;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Fund's project pages: the list the viewer may see (by state), a new project's form, a project with its
 * revisions, checklist, PRC decision, tranches, reports and money, and a form for each act the viewer may do on it
 * ({@link ProjectPolicy} decides; the commands ask again). A refused form comes back with its status, the message
 * beside its field and what was typed.
 */
@Controller
class ProjectPages {

	static final int BUDGET_ROWS = 6;
	static final int TRANCHE_ROWS = 4;
	static final String DRAFT_FORM = "project-form";
	static final Set<String> DRAFT_FIELDS = draftFields();

	private final FundProjects projects;
	private final AccessPolicy access;
	private final Registry registry;
	private final Catalogue catalogue;
	private final ForumClock clock;
	private final FormProblems forms;

	ProjectPages(FundProjects projects, AccessPolicy access, Registry registry, Catalogue catalogue, ForumClock clock, FormProblems forms) {
		this.projects = projects;
		this.access = access;
		this.registry = registry;
		this.catalogue = catalogue;
		this.clock = clock;
		this.forms = forms;
	}

	private static Set<String> draftFields() {
		var fields = new HashSet<>(List.of("titleEn", "titleRu", "purpose", "area", "implementingStates", "partners", "start", "end", "budget",
				"requested", "cofinancing", "explanation"));
		for (int i = 0; i < BUDGET_ROWS; i++) {
			fields.add("budget[" + i + "].description");
			fields.add("budget[" + i + "].amount");
		}
		return Set.copyOf(fields);
	}

	@GetMapping("/fund/projects")
	String list(@RequestParam(required = false) @Nullable String state, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var chosen = ProjectsApi.state(state);
		var viewer = access.currentViewer();
		model.addAttribute("projects", projects.projects(viewer, chosen));
		model.addAttribute("chosen", chosen);
		model.addAttribute("states", ProjectState.values());
		model.addAttribute("mayDraft", projects.mayDraft(user == null ? null : user.account()));
		common(model);
		return "fund/projects";
	}

	@GetMapping("/fund/projects/new")
	String newProject(Model model, @AuthenticationPrincipal KurultaiUser user) {
		if (!projects.mayDraft(user.account())) {
			throw org.kurultai.shared.NotAllowed.of("problem.fund.project.whoDrafts");
		}
		model.addAttribute("project", null);
		formModel(model);
		return "fund/project-form";
	}

	@PostMapping("/fund/projects")
	String draft(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			return "redirect:/fund/projects/" + projects.draft(user.account(), draft(form)).id();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, DRAFT_FORM, DRAFT_FIELDS, form, model, response);
			model.addAttribute("project", null);
			formModel(model);
			return "fund/project-form";
		}
	}

	@GetMapping("/fund/projects/{id}/revision")
	String revision(@PathVariable long id, Model model, @AuthenticationPrincipal KurultaiUser user) {
		var project = projects.project(id, access.currentViewer());
		var mandate = projects.mandate(user.account());
		if (!ProjectPolicy.may(mandate, Act.EDIT, project) && !ProjectPolicy.may(mandate, Act.REVISE, project)) {
			ProjectPolicy.require(mandate, project.state() == ProjectState.DRAFT ? Act.EDIT : Act.REVISE, project);
		}
		model.addAttribute("project", project);
		formModel(model);
		return "fund/project-form";
	}

	@PostMapping("/fund/projects/{id}/revision")
	String revise(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			projects.revise(user.account(), id, draft(form));
			return "redirect:/fund/projects/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, DRAFT_FORM, DRAFT_FIELDS, form, model, response);
			model.addAttribute("project", projects.project(id, access.currentViewer()));
			formModel(model);
			return "fund/project-form";
		}
	}

	@GetMapping("/fund/projects/{id}")
	String project(@PathVariable long id, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var project = projects.project(id, viewer);
		var mandate = projects.mandate(user == null ? null : user.account());
		model.addAttribute("project", project);
		model.addAttribute("details", projects.details(project, viewer));
		var may = new LinkedHashMap<String, Boolean>();
		for (var act : Act.values()) {
			may.put(act.name(), ProjectPolicy.may(mandate, act, project));
		}
		model.addAttribute("may", may);
		model.addAttribute("criteria", EligibilityCriterion.values());
		model.addAttribute("areaName", project.content().area() == null ? null : areaName(project.content().area()));
		model.addAttribute("mayKnowWho", access.mayKnowWhoActedFor(viewer, project.owner()));
		model.addAttribute("today", clock.today());
		model.addAttribute("zone", clock.zone().getId());
		model.addAttribute("trancheRows", TRANCHE_ROWS);
		common(model);
		return "fund/project";
	}

	@PostMapping("/fund/projects/{id}/submission")
	String submit(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return act(id, user, form, model, response, "submit-form", Set.of(), () -> projects.submit(user.account(), id));
	}

	@PostMapping("/fund/projects/{id}/questions")
	String ask(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return act(id, user, form, model, response, "questions-form", Set.of("text"), () -> projects.ask(user.account(), id, form.getFirst("text")));
	}

	@PostMapping("/fund/projects/{id}/eligibility")
	String check(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		var fields = new HashSet<String>();
		var checklist = new ArrayList<FundProjects.CheckInput>();
		for (var criterion : EligibilityCriterion.values()) {
			fields.add("checklist." + criterion.name());
			var met = form.getFirst("met." + criterion.name());
			checklist.add(new FundProjects.CheckInput(criterion.name(), met == null || met.isBlank() ? null : Boolean.valueOf("yes".equals(met)),
					form.getFirst("reason." + criterion.name())));
		}
		return act(id, user, form, model, response, "eligibility-form", fields, () -> projects.check(user.account(), id, checklist));
	}

	@PostMapping("/fund/projects/{id}/decision")
	String putToPrc(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		var fields = new HashSet<>(List.of("procedure", "deadline", "meeting", "amount", "tranches", "present"));
		var tranches = new ArrayList<FundProjects.TrancheInput>();
		for (int i = 0; i < TRANCHE_ROWS; i++) {
			fields.add("tranches[" + i + "].amount");
			fields.add("tranches[" + i + "].plannedOn");
			tranches.add(new FundProjects.TrancheInput(form.getFirst("tranches[" + i + "].amount"), form.getFirst("tranches[" + i + "].plannedOn")));
		}
		var meeting = form.getFirst("meeting");
		return act(id, user, form, model, response, "decision-form", fields,
				() -> projects.putToPrc(user.account(), id, new FundProjects.Put(form.getFirst("procedure"), form.getFirst("deadline"),
						form.getFirst("timeZone"), meeting == null || meeting.isBlank() ? null : meeting.trim(), null, form.getFirst("amount"), tranches)));
	}

	@PostMapping("/fund/projects/{id}/disbursements")
	String disburse(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		return act(id, user, form, model, response, "disbursement-form", Set.of("tranche", "amount", "on", "reference"),
				() -> projects.disburse(user.account(), id, new FundProjects.Disbursement(number(form.getFirst("tranche")), form.getFirst("amount"),
						form.getFirst("on"), form.getFirst("reference"))));
	}

	@PostMapping("/fund/projects/{id}/reports")
	String report(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return act(id, user, form, model, response, "report-form", Set.of("tranche", "text"),
				() -> projects.report(user.account(), id, new FundProjects.NewReport(number(form.getFirst("tranche")), form.getFirst("text"))));
	}

	@PostMapping("/fund/projects/{id}/reports/{report}/acceptance")
	String accept(@PathVariable long id, @PathVariable long report, @AuthenticationPrincipal KurultaiUser user,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		return act(id, user, form, model, response, "accept-form-" + report, Set.of(), () -> projects.accept(user.account(), id, report));
	}

	@PostMapping("/fund/projects/{id}/closing")
	String close(@PathVariable long id, @AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return act(id, user, form, model, response, "closing-form", Set.of("unspent", "on", "reference"),
				() -> projects.close(user.account(), id, new FundProjects.Closing(form.getFirst("unspent"), form.getFirst("on"), form.getFirst("reference"))));
	}

	private String act(long id, KurultaiUser user, MultiValueMap<String, String> form, Model model, HttpServletResponse response, String name,
			Set<String> fields, Runnable command) {
		try {
			command.run();
			return "redirect:/fund/projects/" + id;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, name, fields, form, model, response);
			return project(id, model, user);
		}
	}

	private static @Nullable Integer number(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException unreadable) {
			throw org.kurultai.shared.InvalidRequest.of("tranche", "problem.fund.project.trancheNeeded");
		}
	}

	static FundProjects.Draft draft(MultiValueMap<String, String> form) {
		var lines = new ArrayList<FundProjects.Line>();
		for (int i = 0; i < BUDGET_ROWS; i++) {
			lines.add(new FundProjects.Line(form.getFirst("budget[" + i + "].description"), form.getFirst("budget[" + i + "].amount")));
		}
		var states = form.getFirst("implementingStates");
		return new FundProjects.Draft(form.getFirst("titleEn"), form.getFirst("titleRu"), form.getFirst("purpose"), form.getFirst("area"),
				states == null ? List.of() : List.of(states.split("[,;\\s]+")), form.getFirst("partners"), form.getFirst("start"),
				form.getFirst("end"), lines, form.getFirst("requested"), form.getFirst("cofinancing"), form.getFirst("explanation"));
	}

	private void formModel(Model model) {
		List<PriorityArea> areas;
		try {
			areas = catalogue.inForce(clock.today()).priorityAreas();
		}
		catch (Catalogue.NoEditionYet none) {
			areas = List.of();
		}
		model.addAttribute("areas", areas);
		model.addAttribute("budgetRows", BUDGET_ROWS);
		common(model);
	}

	private @Nullable String areaName(String code) {
		try {
			return catalogue.inForce(clock.today()).priorityArea(code).map(PriorityArea::name).orElse(null);
		}
		catch (Catalogue.NoEditionYet none) {
			return null;
		}
	}

	private void common(Model model) {
		model.addAttribute("names", NameLookup.inRequestLanguage(registry.roster()));
		var language = Locale.forLanguageTag(LocaleContextHolder.getLocale().getLanguage()).getLanguage();
		model.addAttribute("language", language);
		// the Fund's currency (kurultai.fund.currency), as the page's language names it beside an amount
		model.addAttribute("currency", projects.currency());
		model.addAttribute("currencyShown", projects.currency(Locale.forLanguageTag(language)));
		FormProblems.none(model);
	}
}
