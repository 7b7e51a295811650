package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Information exchange: types, returns, receipts, who is overdue, reminders. */
@RestController
@Tag(name = "Information exchange", description = "Types defined as data; returns by member States; receipts; overdue and nil returns")
class ExchangeApi {

	private final InformationExchange exchange;
	private final AccessPolicy access;
	private final ForumClock clock;

	ExchangeApi(InformationExchange exchange, AccessPolicy access, ForumClock clock) {
		this.clock = clock;
		this.exchange = exchange;
		this.access = access;
	}

	@GetMapping(path = "/api/exchange/types", produces = "application/json")
	@Operation(summary = "The types of information exchanged, with their schedule, form fields and allowed visibilities")
	List<ExchangeType> types() {
		return exchange.types();
	}

	@PostMapping(path = "/api/exchange/types", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat defines a new type of information: annual (due day) or before each activity (lead time), with its fields")
	ExchangeType define(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewType request) {
		MonthDay due = null;
		if (request.due() != null) {
			try {
				due = MonthDay.parse(request.due());
			}
			catch (java.time.format.DateTimeParseException wrong) {
				throw InvalidRequest.of("due", "problem.exchange.dueDay");
			}
		}
		return exchange.define(user.account(), new ExchangeType(request.code(), request.title(), request.schedule(), due, request.leadDays(),
				request.fields(), request.visibilities(), request.defaultVisibility(), request.priorityArea(), request.measure(), Sources.none(),
				request.note()));
	}

	@GetMapping(path = "/api/exchange/submissions", produces = "application/json")
	@Operation(summary = "Returns the caller may read (by the visibility each State chose; always its own State's)")
	List<ExchangeSubmission> submissions(@RequestParam @Nullable String type, @RequestParam @Nullable String participant,
			@RequestParam @Nullable Integer year) {
		return exchange.submissions(access.currentViewer(), type, participant, year);
	}

	@PostMapping(path = "/api/exchange/submissions", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A member State's delegation submits a return (annual: referenceYear; before an activity: activity, activityStarts, activityZone)")
	ExchangeSubmission submit(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewSubmission request) {
		return exchange.submit(user.account(), new InformationExchange.NewSubmission(request.type(), request.participant(),
				request.referenceYear(), request.activity(), request.activityStarts(), request.activityZone(), request.answers(),
				Boolean.TRUE.equals(request.nil()), request.visibility()));
	}

	@PostMapping(path = "/api/exchange/submissions/{id}/acknowledgement", produces = "application/json")
	@Operation(summary = "The Secretariat acknowledges receipt of a return")
	ExchangeSubmission acknowledge(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		return exchange.acknowledge(user.account(), id);
	}

	@GetMapping(path = "/api/exchange/returns", produces = "application/json")
	@Operation(summary = "Each member State's return on an annual type for a year: submitted, nil, not yet due or overdue")
	List<InformationExchange.Return> returns(@RequestParam String type, @RequestParam int year) {
		return exchange.returns(access.currentViewer(), type, year);
	}

	@GetMapping(path = "/api/me/reminders", produces = "application/json")
	@Operation(summary = "What your State should submit within 30 days, or is overdue with")
	List<InformationExchange.Reminder> reminders(@AuthenticationPrincipal KurultaiUser user) {
		return exchange.reminders(user.account(), clock.now());
	}

	record NewType(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 500) String title, @NotNull ExchangeType.Schedule schedule,
			@Nullable @Size(max = 10) String due, @Nullable @Min(0) @Max(3650) Integer leadDays,
			@NotEmpty @Size(max = 40) List<ExchangeType.@NotNull @Valid Field> fields, @NotEmpty List<@NotNull AccessLevel> visibilities,
			@NotNull AccessLevel defaultVisibility, @Nullable @Size(max = 60) String priorityArea, @Nullable @Size(max = 60) String measure,
			@Nullable @Size(max = 2000) String note) {
	}

	record NewSubmission(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 10) String participant, @Nullable Integer referenceYear,
			@Nullable @Size(max = 500) String activity, @Nullable LocalDateTime activityStarts, @Nullable @Size(max = 60) String activityZone,
			@Nullable @Size(max = 60) Map<@NotNull @Size(max = 40) String, @NotNull @Size(max = 10000) String> answers, @Nullable Boolean nil,
			@Nullable AccessLevel visibility) {
	}
}
