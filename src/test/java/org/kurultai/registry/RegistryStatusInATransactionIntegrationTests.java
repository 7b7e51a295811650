package org.kurultai.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside a read-write transaction (an act asking for its own State's status), {@link Registry#statusOf} answers in one
 * statement; it must answer what the snapshot's participant ({@link Participant#statusOn}) answers, for every
 * participant and every day where a history changes (each period's first day, the day before it, its end and the day
 * before that), and refuse an unknown participant as the snapshot does.
 */
@IntegrationTest
class RegistryStatusInATransactionIntegrationTests {

	@Autowired Registry registry;
	@Autowired PlatformTransactionManager transactions;

	@Test
	void theOneStatementAnswersAsTheWholeHistoryDoes() {
		var roster = registry.roster();
		var checked = new ArrayList<String>();
		var read = new TransactionTemplate(transactions);
		read.executeWithoutResult(transaction -> {
			for (var participant : roster.participants()) {
				var days = new TreeSet<LocalDate>();
				days.add(LocalDate.of(1990, 1, 1));
				days.add(LocalDate.of(2100, 1, 1));
				for (var period : participant.periods()) {
					days.add(period.from());
					days.add(period.from().minusDays(1));
					if (period.until() != null) {
						days.add(period.until());
						days.add(period.until().minusDays(1));
					}
				}
				for (var day : days) {
					assertThat(registry.statusOf(participant.code(), day)).as("%s on %s", participant.code().value(), day)
							.isEqualTo(participant.statusOn(day).orElse(null));
					checked.add(participant.code().value());
				}
			}
		});
		read.executeWithoutResult(transaction -> {
			// the refusal marks the transaction for rollback, as any refused command's
			transaction.setRollbackOnly();
			assertThatThrownBy(() -> registry.statusOf(ParticipantCode.of("PERFQQ"), LocalDate.of(2024, 1, 1))).isInstanceOf(NotFound.class);
		});
		assertThat(checked).as("days checked").hasSizeGreaterThan(100);
		assertThat(roster.participants().stream().flatMap(p -> p.periods().stream()).anyMatch(p -> p.until() != null))
				.as("some history has an end, so that the ends are checked").isTrue();
		assertThatThrownBy(() -> registry.statusOf(ParticipantCode.of("PERFQQ"), LocalDate.of(2024, 1, 1))).isInstanceOf(NotFound.class);
	}
}
