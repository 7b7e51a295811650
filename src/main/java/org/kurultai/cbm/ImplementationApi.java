package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events implementing the Catalogue, States' implementation reports, and the dashboard's figures. */
@RestController
@Tag(name = "Confidence-building measures")
class ImplementationApi {

	private final Implementation implementation;
	private final Dashboard dashboard;
	private final AnnualReport annualReport;
	private final AccessPolicy access;
	private final ForumClock clock;

	ImplementationApi(Implementation implementation, Dashboard dashboard, AnnualReport annualReport, AccessPolicy access, ForumClock clock) {
		this.implementation = implementation;
		this.annualReport = annualReport;
		this.dashboard = dashboard;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping(path = "/api/cbm/events", produces = "application/json")
	@Operation(summary = "Events implementing the Catalogue, optionally of one priority area, host or year")
	List<CbmEvent> events(@RequestParam @Nullable String area, @RequestParam @Nullable String host, @RequestParam @Nullable Integer year) {
		return implementation.events(area, host, year);
	}

	@PostMapping(path = "/api/cbm/events", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat or the host State records an event under a priority area")
	CbmEvent schedule(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewEvent request) {
		var until = request.until() == null ? request.from() : request.until();
		if (until.isBefore(request.from())) {
			throw InvalidRequest.of("until", "problem.implementation.eventEndsBeforeStart", until, request.from());
		}
		var id = "EV-" + request.from().getYear() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
		return implementation.schedule(user.account(), new CbmEvent(id, request.title().trim(), request.kind(),
				request.priorityArea().trim().toUpperCase(Locale.ROOT), upper(request.host()), Boolean.TRUE.equals(request.byChairmanship()),
				request.from(), until, DatePrecision.DAY, request.place(), Boolean.TRUE.equals(request.online()),
				request.participating() == null ? List.of() : request.participating().stream().map(ImplementationApi::code).toList(),
				request.outcomeDocuments() == null ? List.of() : request.outcomeDocuments(), Sources.none(), null));
	}

	@GetMapping(path = "/api/cbm/reports", produces = "application/json")
	@Operation(summary = "Implementation reports the caller may read: submitted ones for participants and the Secretariat, drafts for their own State")
	List<ImplementationReport> reports(@RequestParam @Nullable String participant, @RequestParam @Nullable Integer year) {
		return implementation.reports(access.currentViewer(), participant, year);
	}

	@PostMapping(path = "/api/cbm/reports", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A State saves (submit=false) or submits its report on a year and priority area; after the deadline it is marked late")
	ImplementationReport save(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewReport request) {
		return implementation.save(user.account(), new Implementation.NewReport(request.participant(), request.priorityArea(), request.year(),
				request.text(), Boolean.TRUE.equals(request.nil()), Boolean.TRUE.equals(request.submit())));
	}

	@GetMapping(path = "/api/cbm/dashboard", produces = "application/json")
	@Operation(summary = "States × priority areas for a year (opted in, coordinating, events hosted, reports submitted), trends and overdue reports")
	Dashboard.Heatmap dashboard(@Parameter(description = "Year; default the current one") @RequestParam @Nullable Integer year) {
		var shown = year == null ? clock.today().getYear() : year;
		if (shown < 2004 || shown > clock.today().getYear()) {
			throw InvalidRequest.of("year", "problem.cbm.yearRange", clock.today().getYear());
		}
		return dashboard.heatmap(access.currentViewer(), shown);
	}

	@PostMapping(path = "/api/cbm/annual-reports", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat compiles its annual implementation report on a year from the States' reports and tables it as a draft for the SWG")
	Map<String, String> compile(@AuthenticationPrincipal KurultaiUser user, @RequestParam int year) {
		var document = annualReport.compile(user.account(), year);
		return Map.of("id", document.id(), "symbol", document.symbol(), "title", document.title(), "location", "/documents/" + document.id());
	}

	/** A participant named in a list: a blank entry names no one, so it is refused (400), not dropped or kept as null. */
	private static String code(String code) {
		if (code.isBlank()) {
			throw InvalidRequest.of("participating", "problem.implementation.participatingBlank");
		}
		return code.trim().toUpperCase(Locale.ROOT);
	}

	private static @Nullable String upper(@Nullable String code) {
		return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
	}

	record NewEvent(@NotBlank @Size(max = 500) String title, @NotNull CbmEvent.Kind kind, @NotBlank @Size(max = 60) String priorityArea,
			@Nullable @Size(max = 10) String host, @Nullable Boolean byChairmanship, @NotNull LocalDate from, @Nullable LocalDate until,
			@Nullable @Size(max = 200) String place, @Nullable Boolean online, @Nullable @Size(max = 60) List<@NotNull @Size(max = 10) String> participating,
			@Nullable @Size(max = 20) List<@NotNull @Size(max = 500) String> outcomeDocuments) {
	}

	record NewReport(@NotBlank @Size(max = 10) String participant, @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]+") String priorityArea,
			@NotNull @Min(2004) @Max(2200) Integer year, @Nullable @Size(max = 20000) String text, @Nullable Boolean nil, @Nullable Boolean submit) {
	}
}
