package org.kurultai.notices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's notifications and their choices, as JSON. */
@RestController
@Tag(name = "My notifications")
class NoticesApi {

	private final Notices notices;

	NoticesApi(Notices notices) {
		this.notices = notices;
	}

	/** One notice as the API shows it; {@code url} is a path of Kurultai. */
	record NoticeJson(long id, NoticeKind kind, String title, String body, String url, Instant createdAt, boolean read) {

		static NoticeJson of(Notice notice) {
			return new NoticeJson(notice.id(), notice.kind(), notice.title(), notice.body(), notice.url(), notice.createdAt(), notice.read());
		}
	}

	record PageJson(List<NoticeJson> notifications, long unread, int page, int size, long total) {
	}

	record SettingsJson(@Nullable String timeZone, @Nullable Map<String, String> kinds) {

		static SettingsJson of(Notices.Settings settings) {
			var kinds = new LinkedHashMap<String, String>();
			settings.kinds().forEach((kind, delivery) -> kinds.put(kind.name(), delivery.name()));
			return new SettingsJson(settings.timeZone().getId(), kinds);
		}
	}

	record ReadAllJson(int marked, long unread) {
	}

	@GetMapping(path = "/api/me/notifications", produces = "application/json")
	@Operation(summary = "The signed-in person's notifications, newest first, a page at a time, with how many are unread")
	PageJson list(@AuthenticationPrincipal KurultaiUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var found = notices.page(user.account(), page, size);
		return new PageJson(found.notices().stream().map(NoticeJson::of).toList(), found.unread(), found.page(), found.size(), found.total());
	}

	@PostMapping(path = "/api/me/notifications/{id}/read", produces = "application/json")
	@Operation(summary = "Marks one of the signed-in person's notifications read")
	NoticeJson read(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		return NoticeJson.of(notices.read(user.account(), id));
	}

	@PostMapping(path = "/api/me/notifications/read-all", produces = "application/json")
	@Operation(summary = "Marks all the signed-in person's notifications read")
	ReadAllJson readAll(@AuthenticationPrincipal KurultaiUser user) {
		int marked = notices.readAll(user.account());
		return new ReadAllJson(marked, notices.unread(user.account()));
	}

	@GetMapping(path = "/api/me/notification-settings", produces = "application/json")
	@Operation(summary = "How the signed-in person is told of each kind (IMMEDIATE, DAILY, OFF) and the time zone of their mails")
	SettingsJson settings(@AuthenticationPrincipal KurultaiUser user) {
		return SettingsJson.of(notices.settings(user.account()));
	}

	@PutMapping(path = "/api/me/notification-settings", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Changes the time zone (an IANA name) and the kinds named (IMMEDIATE, DAILY or OFF); SILENCE_OPENED and "
			+ "SILENCE_BROKEN are always IMMEDIATE. An unknown kind, mode or zone is refused (400) and nothing is written")
	SettingsJson change(@AuthenticationPrincipal KurultaiUser user, @RequestBody SettingsJson body) {
		return SettingsJson.of(notices.change(user.account(), body.timeZone(), body.kinds()));
	}
}
