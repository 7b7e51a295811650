package org.kurultai.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.KurultaiApplication;
import org.kurultai.TestClock;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Paragraph;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.meetings.Meetings;
import org.kurultai.shared.Access;
import org.kurultai.shared.RuleViolation;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The two other shipped rule configurations, end to end on a real database: the {@code rules-osce}
 * profile (a decision concerning a State is taken over that State's objection) and the
 * {@code rules-majority} profile (a procedural matter is voted at a meeting); and a forum whose silence
 * procedure runs to its deadline however many break it ({@code kurultai.forum.silence.broken-ends-procedure: false}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionRuleConfigurationsIntegrationTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	/** This application's clock: a silence deadline passes when the test moves it past. */
	final TestClock clock = new TestClock();
	ConfigurableApplicationContext context;
	Decisions decisions;
	Drafting drafting;
	Account officer;

	@BeforeAll
	void start() {
		context = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE)
				.initializers(application -> ((GenericApplicationContext) application).registerBean("testClock", Clock.class, () -> clock,
						definition -> definition.setPrimary(true)))
				.run(
				"--spring.profiles.active=rules-osce,rules-majority", "--kurultai.database.embedded.data-directory=target/test-postgres/rules",
				"--kurultai.database.embedded.clean=true", "--spring.datasource.url=",
				"--kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/rules/checkpoints-${random.uuid}.log", "--kurultai.silence.poll-interval=PT0.1S",
				"--kurultai.forum.silence.broken-ends-procedure=false", "--spring.main.banner-mode=off");
		decisions = context.getBean(Decisions.class);
		drafting = context.getBean(Drafting.class);
		officer = account("rules.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
	}

	@AfterAll
	void stop() {
		context.close();
	}

	@Test
	void bothProfilesTogetherGiveTheirRules() {
		var rules = decisions.rules();
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, false)).isEqualTo(DecisionRule.CONSENSUS);
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, true)).isEqualTo(DecisionRule.CONSENSUS_MINUS_ONE);
		assertThat(rules.ruleFor(Matter.PROCEDURAL, false)).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		assertThat(context.getBean(SilenceRules.class).breakEndsProcedure()).isFalse();
	}

	@Test
	void theStateConcernedCannotBlockUnderConsensusMinusOne() {
		var azerbaijan = account("rules.coordinator.aze@mfa.example", Role.NATIONAL_COORDINATOR, "AZE");
		var turkiye = account("rules.coordinator.tur@mfa.example", Role.NATIONAL_COORDINATOR, "TUR");
		var concerning = circulate("Decision concerning a State", "AZE");
		assertThat(concerning.rule()).isEqualTo(DecisionRule.CONSENSUS_MINUS_ONE);
		decisions.object(azerbaijan, concerning.id(), "We do not consent.");
		var other = circulate("Decision concerning another State", "AZE");
		decisions.object(azerbaijan, other.id(), "We do not consent.");
		decisions.object(turkiye, other.id(), "Neither do we.");
		// this forum lets the procedure run to its deadline: broken, it stays open, and further communications are recorded
		assertThat(decisions.decision(other.id(), org.kurultai.identity.Viewer.PUBLIC).open()).isTrue();
		decisions.object(account("rules.coordinator.ind@mfa.example", Role.NATIONAL_COORDINATOR, "IND"), other.id(), "Nor we.");
		clock.advanceTo(other.deadline().plusSeconds(1));

		var adopted = awaitClosed(concerning.id());
		assertThat(adopted.status()).isEqualTo(DecisionStatus.ADOPTED);
		assertThat(adopted.outcomeNote()).contains("AZE, the State concerned, does not block");
		var broken = awaitClosed(other.id());
		assertThat(broken.status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
		assertThat(broken.outcomeNote()).contains("IND, TUR");
		assertThat(broken.closedAt()).isAfterOrEqualTo(other.deadline());
	}

	@Test
	void aProceduralMatterIsVotedAtAMeeting() {
		var meeting = context.getBean(Meetings.class).schedule("SOC", "Procedural session", today(),
				today(), "Baku", false, null, Access.PUBLIC, today(),
				officer.email(), officer.actsFor());
		var document = table("Decision on the order of business");
		assertThatThrownBy(() -> decisions.propose(officer, new Decisions.Proposal("SOC", document, 0, null, Matter.PROCEDURAL, null,
				Procedure.SILENCE, null, null, LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), ALMATY), "Asia/Almaty", null)))
				.isInstanceOf(Decisions.MajorityNeedsAMeeting.class);
		var decision = decisions.propose(officer, new Decisions.Proposal("SOC", document, 0, null, Matter.PROCEDURAL, null,
				Procedure.MEETING, meeting.id(), List.of("KAZ", "IND", "TUR", "CHN", "JPN"), null, null, null));
		assertThat(decision.rule()).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		decisions.vote(account("rules.coordinator.kaz@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ"), decision.id(), Vote.FOR);
		decisions.vote(account("rules.coordinator.ind@mfa.example", Role.NATIONAL_COORDINATOR, "IND"), decision.id(), Vote.FOR);
		var china = account("rules.coordinator.chn@mfa.example", Role.NATIONAL_COORDINATOR, "CHN");
		decisions.vote(china, decision.id(), Vote.AGAINST);
		assertThatThrownBy(() -> decisions.vote(china, decision.id(), Vote.FOR)).isInstanceOf(Decisions.AlreadyVoted.class);
		assertThatThrownBy(() -> decisions.vote(account("rules.coordinator.jpn@mfa.example", Role.NATIONAL_COORDINATOR, "JPN"),
				decision.id(), Vote.AGAINST)).isInstanceOf(org.kurultai.shared.NotAllowed.class);
		assertThatThrownBy(() -> decisions.object(china, decision.id(), "No.")).isInstanceOf(RuleViolation.class);

		var closed = decisions.close(officer, decision.id());
		assertThat(closed.status()).isEqualTo(DecisionStatus.ADOPTED);
		assertThat(closed.outcomeNote()).contains("For 2, against 1, abstaining 0.");
	}

	private Decision circulate(String title, String concerned) {
		return decisions.propose(officer, new Decisions.Proposal("SOC", table(title), 0, null, null, concerned, Procedure.SILENCE, null,
				null, LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), ALMATY), "Asia/Almaty", null));
	}

	private String table(String title) {
		return drafting.table(officer, new Drafting.NewDocument(DocumentType.DECISION, title, "SOC", Access.PUBLIC, null, null,
				List.of(Paragraph.agreed("1", Map.of("en", "The Committee decides."))))).id();
	}

	/** Waits (on the condition, with a generous timeout) until the silence poller has closed the decision. */
	private Decision awaitClosed(long id) {
		return await("decision " + id + " closed by the poller").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
				.until(() -> decisions.decision(id, org.kurultai.identity.Viewer.PUBLIC), decision -> !decision.open());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ALMATY);
	}

	private Account account(String email, Role role, String participant) {
		var accounts = context.getBean(Accounts.class);
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, "a long enough password", "test", "test"));
	}
}
