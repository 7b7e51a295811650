package org.kurultai.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What awaits the signed-in person, as JSON: the same list as their home page's. */
@RestController
@Tag(name = "What awaits me")
class TasksApi {

	private final Tasks tasks;

	TasksApi(Tasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping(path = "/api/me/tasks", produces = "application/json")
	@Operation(summary = "What awaits the signed-in person, most urgent first: open silence procedures, changed drafts, "
			+ "reports and returns due within 30 days or overdue, accreditations awaiting the Secretariat")
	List<TaskJson> awaiting(@AuthenticationPrincipal KurultaiUser user, Locale locale) {
		return tasks.shown(user.account(), locale).stream().map(TaskJson::of).toList();
	}

	/**
	 * One task: its kind, title and time left in the caller's language, where to go, the deadline
	 * (an instant) if any and whether it has passed, the State concerned, and whether the caller must
	 * act ({@code false}: they are told, e.g. a coordinator's proposal awaiting the Secretariat).
	 */
	record TaskJson(Task.Kind kind, String record, String title, String link, @Nullable Instant deadline, @Nullable String remaining,
			boolean overdue, @Nullable String state, @Nullable String stateName, boolean action) {

		static TaskJson of(Tasks.Shown shown) {
			var task = shown.task();
			return new TaskJson(task.kind(), task.record(), shown.title(), task.link(), task.deadline(), shown.remaining(), task.overdue(),
					task.state(), shown.stateName(), task.action());
		}
	}
}
