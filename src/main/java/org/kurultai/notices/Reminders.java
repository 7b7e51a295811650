package org.kurultai.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.kurultai.tasks.Task;
import org.kurultai.tasks.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports and exchange returns due: each State's national coordinators are told 30 days before, 7 days before, and
 * once overdue (what {@link Tasks#awaiting} lists as {@code REPORT_DUE} / {@code RETURN_DUE}, with its due instant).
 * Runs every {@code kurultai.notices.reminder-interval}; each coordinator in a short transaction of their own. A notice
 * per task and stage ({@code report-due:<task>:30d|7d|overdue}): a second instance running at the same moment writes
 * nothing more.
 */
@Component
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	static final Duration WEEK = Duration.ofDays(7);

	private final Notices notices;
	private final Texts texts;
	private final Accounts accounts;
	private final Tasks tasks;
	private final ForumClock clock;
	private final TransactionTemplate transactions;

	Reminders(Notices notices, Texts texts, Accounts accounts, Tasks tasks, ForumClock clock, PlatformTransactionManager transactions) {
		this.notices = notices;
		this.texts = texts;
		this.accounts = accounts;
		this.tasks = tasks;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${kurultai.notices.reminder-interval:PT15M}", initialDelayString = "${kurultai.notices.reminder-interval:PT15M}")
	void poll() {
		try {
			remind();
		}
		catch (RuntimeException failure) {
			log.warn("Reminding of reports and returns due failed; the next run tries again: {}", failure.toString());
		}
	}

	/** Tells every national coordinator what their State has due now; answers how many notices were written. */
	int remind() {
		int written = 0;
		for (var coordinator : accounts.all()) {
			if (coordinator.active() && coordinator.role() == Role.NATIONAL_COORDINATOR) {
				Integer told = transactions.execute(status -> remind(coordinator));
				written += told == null ? 0 : told;
			}
		}
		return written;
	}

	private int remind(Account coordinator) {
		var now = clock.now();
		int written = 0;
		for (var shown : tasks.shown(coordinator, coordinator.language())) {
			var task = shown.task();
			if ((task.kind() != Task.Kind.REPORT_DUE && task.kind() != Task.Kind.RETURN_DUE) || task.deadline() == null) {
				continue;
			}
			var stage = stage(task.deadline(), now);
			var kind = task.kind() == Task.Kind.REPORT_DUE ? NoticeKind.REPORT_DUE : NoticeKind.RETURN_DUE;
			var due = Texts.moment(task.deadline(), notices.zone(coordinator.id()), coordinator.language());
			var body = texts.say(coordinator, "notices.due." + stage, due);
			var title = texts.say(coordinator, "notices." + kind.template() + ".title", shown.title());
			written += notices.tell(kind, kind.template() + ":" + task.record() + ":" + stage, List.of(coordinator),
					person -> new Notices.Told(title, body, task.link(), java.util.Map.of(), List.of(shown.title())));
		}
		return written;
	}

	/** Overdue once due; within a week, "7d"; otherwise (within the 30 days the task is listed) "30d". */
	static String stage(Instant due, Instant now) {
		if (!now.isBefore(due)) {
			return "overdue";
		}
		return Duration.between(now, due).compareTo(WEEK) <= 0 ? "7d" : "30d";
	}
}
