package org.kurultai.cbm;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Sources;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Concept papers and action plans per priority area, with their approval: a plan is approved by a decision of a body
 * (the effect {@code APPROVE_PLAN} of {@code POST /api/decisions}), shown as {@code "decision": {"id", "register"}}.
 */
@RestController
@Tag(name = "Confidence-building measures")
class PlansApi {

	private final Plans plans;
	private final org.kurultai.meetings.Meetings meetings;
	private final org.kurultai.identity.AccessPolicy access;

	PlansApi(Plans plans, org.kurultai.meetings.Meetings meetings, org.kurultai.identity.AccessPolicy access) {
		this.plans = plans;
		this.meetings = meetings;
		this.access = access;
	}

	@GetMapping(path = "/api/cbm/plans", produces = "application/json")
	@Operation(summary = "Concept papers and action plans, optionally of one priority area, with their activities and approval (body, day, meeting and the approving decision: id and register symbol)")
	List<ImplementationPlan> plans(@RequestParam @Nullable String area) {
		var seen = access.seenBy(access.currentViewer());
		return plans.plans(area).stream().map(plan -> {
			var approval = plan.approval();
			if (approval == null || approval.meeting() == null || meetings.meeting(approval.meeting(), seen).isPresent()) {
				return plan;
			}
			// a closed meeting does not show through a plan approved at it
			return new ImplementationPlan(plan.code(), plan.kind(), plan.priorityArea(), plan.title(), plan.fromYear(), plan.untilYear(),
					plan.document(), plan.proposedBy(), plan.activities(),
					new ImplementationPlan.Approval(approval.body(), approval.on(), null, approval.decision()), plan.sources(), plan.note());
		}).toList();
	}

	@PostMapping(path = "/api/cbm/plans", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The area's coordinator or a co-coordinator, or the Secretariat, proposes a concept paper or action plan")
	ImplementationPlan propose(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewPlan request) {
		return plans.propose(user.account(), new ImplementationPlan(request.code().trim().toUpperCase(Locale.ROOT), request.kind(),
				request.priorityArea().trim().toUpperCase(Locale.ROOT), request.title().trim(), request.fromYear(), request.untilYear(),
				request.document(), user.account().participant(), request.activities() == null ? List.of() : request.activities(), null,
				Sources.none(), null));
	}

	record NewPlan(@NotBlank @Size(max = 60) String code, @NotNull ImplementationPlan.Kind kind, @NotBlank @Size(max = 60) String priorityArea,
			@NotBlank @Size(max = 500) String title, @NotNull Integer fromYear, @NotNull Integer untilYear, @Nullable @Size(max = 60) String document,
			@Nullable @Size(max = 100) List<ImplementationPlan.@NotNull @Valid Activity> activities) {
	}

}
