package org.kurultai.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over the API, for Secretariat administrators. */
@RestController
@Tag(name = "Audit", description = "The append-only, hash-chained audit log (Secretariat administrators)")
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
	}

	@GetMapping(path = "/api/admin/audit", produces = "application/json")
	@Operation(summary = "Audit entries, newest first, filtered by actor, on-behalf-of, action prefix and time")
	List<AuditEntry> entries(@RequestParam @Nullable String actor, @RequestParam @Nullable String onBehalfOf,
			@RequestParam @Nullable String action,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(defaultValue = "100") int limit) {
		return log.find(new AuditQuery(blankToNull(actor), blankToNull(onBehalfOf), blankToNull(action), from, to, limit));
	}

	@GetMapping(path = "/api/admin/audit/verification", produces = "application/json")
	@Operation(summary = "Verifies the hash chain; names the first broken entry if any")
	Verification verification() {
		return log.verify();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
