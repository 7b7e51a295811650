package org.kurultai.notifications;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox over the API, for Secretariat administrators. */
@RestController
@Tag(name = "Outbox", description = "Notification mails: waiting, retrying, sent, failed (Secretariat administrators)")
class OutboxApi {

	private final Outbox outbox;

	OutboxApi(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping(path = "/api/admin/outbox", produces = "application/json")
	@Operation(summary = "Mails of the outbox, newest first, filtered by status (waiting, retrying, sent, failed) and recipient "
			+ "(part of the address or name); the text of a mail not yet sent")
	List<OutboxEntry> mails(@RequestParam @Nullable String status, @RequestParam @Nullable String recipient,
			@RequestParam(defaultValue = "100") int limit) {
		var query = new Outbox.Query(status == null || status.isBlank() ? null : OutboxStatus.named(status), recipient, limit);
		return outbox.find(query).stream().map(OutboxEntry::of).toList();
	}

	@PostMapping(path = "/api/admin/outbox/{id}/retry", produces = "application/json")
	@Operation(summary = "Gives a failed mail a new round of attempts, now (409 if the mail is not failed)")
	OutboxEntry retry(@PathVariable long id, Principal principal) {
		return OutboxEntry.of(outbox.retry(id, principal.getName(), "SECRETARIAT"));
	}
}
