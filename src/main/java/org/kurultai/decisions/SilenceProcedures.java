package org.kurultai.decisions;

import java.time.Instant;

import org.kurultai.drafting.RevisionIssued;
import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes silence procedures at their deadline: every few seconds, and once as soon as the
 * application is ready, so a deadline that passed while it was down closes on start. Any number of
 * instances may run this on one database; {@link Decisions#closeIfDue} makes the close happen once.
 */
@Component
class SilenceProcedures {

	private static final Logger log = LoggerFactory.getLogger(SilenceProcedures.class);

	private final Decisions decisions;
	private final ForumClock clock;
	private final DecisionMetrics metrics;

	SilenceProcedures(Decisions decisions, ForumClock clock, DecisionMetrics metrics) {
		this.clock = clock;
		this.metrics = metrics;
		this.decisions = decisions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		closeDue();
	}

	@Scheduled(fixedDelayString = "${kurultai.silence.poll-interval:PT2S}", initialDelayString = "${kurultai.silence.poll-interval:PT2S}")
	void poll() {
		closeDue();
	}

	/** Closes every procedure due now; returns how many this call closed. */
	int closeDue() {
		int closed = 0;
		var now = clock.now();
		for (var id : decisions.due(now, 100)) {
			try {
				if (decisions.closeIfDue(id, now)) {
					closed++;
					metrics.silenceClosed();
				}
			}
			catch (RuntimeException failure) {
				log.warn("Closing silence procedure {} failed; the next poll retries: {}", id, failure.toString());
			}
		}
		return closed;
	}

	@EventListener
	void on(RevisionIssued revision) {
		decisions.revisionIssued(revision.document(), revision.number(), revision.hasBrackets(), revision.actor(), revision.actsFor());
	}
}
