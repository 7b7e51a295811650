package org.kurultai.notices;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.FormProblems;
import org.kurultai.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's notifications page ({@code /notifications}: the list, marking read, the settings form), the header's
 * count of unread notices (fetched by htmx once a page has loaded), and the unsubscribe page of the mails' links.
 */
@Controller
class NoticesPages {

	static final String SETTINGS_FORM = "notice-settings";

	static final int PAGE_SIZE = 20;

	/** The IANA zones, sorted, offered in the settings form. */
	static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds().stream()
			.filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).toList()));

	private final Notices notices;
	private final Unsubscribes unsubscribes;
	private final FormProblems forms;

	NoticesPages(Notices notices, Unsubscribes unsubscribes, FormProblems forms) {
		this.notices = notices;
		this.unsubscribes = unsubscribes;
		this.forms = forms;
	}

	@GetMapping("/notifications")
	String page(@AuthenticationPrincipal KurultaiUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		FormProblems.none(model);
		var found = notices.page(user.account(), Math.max(0, page), PAGE_SIZE);
		model.addAttribute("found", found);
		model.addAttribute("settings", notices.settings(user.account()));
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("zones", ZONES);
		model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
		return "notifications";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		notices.read(user.account(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal KurultaiUser user) {
		notices.readAll(user.account());
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/settings")
	String settings(@AuthenticationPrincipal KurultaiUser user, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		var kinds = new LinkedHashMap<String, String>();
		for (var kind : NoticeKind.values()) {
			var value = form.get(kind.name());
			if (value != null) {
				kinds.put(kind.name(), value);
			}
		}
		var zone = form.get("timeZone");
		try {
			notices.change(user.account(), zone == null || zone.isBlank() ? "" : zone, kinds);
			return "redirect:/notifications?saved#settings";
		}
		catch (RuntimeException refused) {
			var fields = new ArrayList<String>();
			fields.add("timeZone");
			for (var kind : NoticeKind.values()) {
				fields.add(kind.name());
			}
			var typed = new LinkedHashMap<String, String>(form);
			typed.remove("_csrf");
			forms.refused(refused, SETTINGS_FORM, fields, typed, model, response);
			return page(user, 0, model);
		}
	}

	@GetMapping("/me/notifications/count")
	String count(@AuthenticationPrincipal KurultaiUser user, Model model) {
		model.addAttribute("count", notices.unread(user.account()));
		return "notices-fragments :: count";
	}

	// ---------------------------------------------------------------- unsubscribing (no sign-in: the token is the key)

	/** Shows what the link would change; changes nothing (link scanners open links). */
	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		return unsubscribePage(token, false, model, response);
	}

	/** The page's button, or a mail client's one-click (RFC 8058: {@code List-Unsubscribe=One-Click}). */
	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		return unsubscribePage(token, true, model, response);
	}

	private String unsubscribePage(String token, boolean act, Model model, HttpServletResponse response) {
		Unsubscribes.@Nullable Link link;
		try {
			link = act ? unsubscribes.unsubscribe(token) : unsubscribes.link(token);
		}
		catch (NotFound unknown) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			link = null;
		}
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		model.addAttribute("done", act && link != null);
		return "unsubscribe";
	}
}
