package org.kurultai.tasks;

import org.kurultai.identity.KurultaiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The header's count of what awaits the signed-in person. Every page's header asks for it once the
 * page has loaded (htmx, {@code hx-trigger="load"}), so no page waits for it and it is reckoned only
 * for signed-in people whose browser asks; without JavaScript the header keeps a plain link to the
 * list on the home page.
 */
@Controller
class TasksPages {

	private final Tasks tasks;

	TasksPages(Tasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/me/tasks/count")
	String count(@AuthenticationPrincipal KurultaiUser user, Model model) {
		model.addAttribute("count", tasks.count(user.account()));
		return "tasks :: count";
	}
}
