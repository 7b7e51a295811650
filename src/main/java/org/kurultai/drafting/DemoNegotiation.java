package org.kurultai.drafting;

import java.util.List;
import java.util.Map;

import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Accounts;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: one draft under negotiation, with a bracketed paragraph holding two
 * alternatives, so a newcomer signing in as a delegation or the chair sees the drafting view at once.
 */
@Component
@Profile("demo")
@Order(20)
class DemoNegotiation implements ApplicationRunner {

	static final String TITLE = "Draft Statement on connectivity and transport corridors in Asia";

	private final Drafting drafting;
	private final Accounts accounts;
	private final AccessPolicy access;
	private final ForumClock clock;

	DemoNegotiation(Drafting drafting, Accounts accounts, AccessPolicy access, ForumClock clock) {
		this.drafting = drafting;
		this.accounts = accounts;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var officer = accounts.byEmail("officer@demo.kurultai.org").orElse(null);
		if (officer == null) {
			return;
		}
		var viewer = access.viewer(officer, clock.today());
		if (drafting.documents(viewer).stream().anyMatch(document -> document.title().equals(TITLE))) {
			return;
		}
		// the Secretariat's compilation names no sponsors: a State sponsors a wording by its own act (an amendment, an accepted invitation)
		drafting.table(officer, new Drafting.NewDocument(DocumentType.STATEMENT, TITLE, "SOC", Access.of(AccessLevel.PARTICIPANTS),
				List.of("en", "ru"), "en", List.of(
						Paragraph.agreed("PP1", Map.of("en", "Recalling the Almaty Act and the Catalogue of Confidence-Building Measures,",
								"ru", "Ссылаясь на Алматинский акт и Каталог мер доверия,")),
						Paragraph.agreed("1", Map.of("en", "We support the development of transport and transit corridors across Asia.")),
						new Paragraph("2", ParagraphStatus.BRACKETED, Map.of(), List.of(
								new Alternative("Alt 1", Map.of("en", "We decide to hold a meeting of experts on connectivity every year."), List.of()),
								new Alternative("Alt 2", Map.of("en", "We decide to hold a meeting of experts on connectivity every two years."), List.of())),
								List.of()),
						new Paragraph("3", ParagraphStatus.AGREED_AD_REFERENDUM,
								Map.of("en", "We request the Secretariat to report on progress to the Committee of Senior Officials."), List.of(), List.of()))));
	}
}
