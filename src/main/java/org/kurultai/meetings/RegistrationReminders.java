package org.kurultai.meetings;

import java.time.Duration;

import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds of registration deadlines: a meeting whose {@code registration_closes} lies within
 * {@code kurultai.forum.meetings.registration-reminder} (default three days) from now, not cancelled, not over, and
 * not yet reminded for that deadline, is claimed under {@code FOR UPDATE SKIP LOCKED}, marked as reminded for it and
 * {@link RegistrationClosing} published with the participants that have not registered, all in one transaction: two
 * instances remind once, and a changed deadline is reminded again.
 */
@Component
class RegistrationReminders {

	private static final Logger log = LoggerFactory.getLogger(RegistrationReminders.class);

	private final RegistrationRepository repository;
	private final Meetings meetings;
	private final RegistrationPolicy policy;
	private final Registrations registrations;
	private final ApplicationEventPublisher events;
	private final ForumClock clock;
	private final TransactionTemplate transactions;
	private final Duration window;

	RegistrationReminders(RegistrationRepository repository, Meetings meetings, RegistrationPolicy policy, Registrations registrations,
			ApplicationEventPublisher events, ForumClock clock, PlatformTransactionManager transactionManager,
			@Value("${kurultai.forum.meetings.registration-reminder:P3D}") Duration window) {
		this.repository = repository;
		this.meetings = meetings;
		this.policy = policy;
		this.registrations = registrations;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.window = window;
	}

	@Scheduled(fixedDelayString = "${kurultai.forum.meetings.registration-reminder-interval:PT10M}",
			initialDelayString = "${kurultai.forum.meetings.registration-reminder-interval:PT10M}")
	void run() {
		try {
			int reminded = remindDue();
			if (reminded > 0) {
				log.info("Reminded of {} registration deadline(s)", reminded);
			}
		}
		catch (RuntimeException failed) {
			log.warn("Registration reminders failed; the next run retries", failed);
		}
	}

	/** Reminds each due meeting once, one transaction per meeting; returns how many this call reminded. */
	int remindDue() {
		int reminded = 0;
		while (Boolean.TRUE.equals(transactions.execute(status -> remindOne()))) {
			reminded++;
		}
		return reminded;
	}

	private boolean remindOne() {
		var now = clock.now();
		var claimed = repository.claimDueReminder(now, now.plus(window), clock.today());
		if (claimed.isEmpty()) {
			return false;
		}
		var meeting = meetings.meeting(claimed.get());
		var closes = meeting.registrationCloses();
		var registered = registrations.registrations(meeting).keySet();
		var unregistered = policy.expected(meeting).stream().map(ExpectedParticipant::code).filter(code -> !registered.contains(code))
				.toList();
		repository.markReminded(meeting.id(), closes);
		events.publishEvent(new RegistrationClosing(meeting.id(), closes, unregistered));
		return true;
	}
}
