package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.drafting.ParagraphStatus;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Secretariat's annual report on the implementation of the Catalogue, compiled from the
 * States' submitted reports, the events and who is overdue, and tabled as a draft document of the
 * Special Working Group (for the SWG and then the SOC), where it is negotiated like any other text.
 */
@Service
public class AnnualReport {

	private final Implementation implementation;
	private final Catalogue catalogue;
	private final Drafting drafting;
	private final Registry registry;
	private final ActingRights rights;
	private final AccessPolicy access;
	private final ForumClock clock;

	AnnualReport(Implementation implementation, Catalogue catalogue, Drafting drafting, Registry registry, ActingRights rights,
			AccessPolicy access, ForumClock clock) {
		this.implementation = implementation;
		this.catalogue = catalogue;
		this.drafting = drafting;
		this.registry = registry;
		this.rights = rights;
		this.access = access;
		this.clock = clock;
	}

	/** Compiles the report on a year and tables it as a draft for the SWG; only the Secretariat does. */
	@Transactional
	public NegotiatedDocument compile(Account account, int year) {
		if (!rights.of(account, clock.today()).actsForSecretariat()) {
			throw NotAllowed.of("problem.cbm.annualReportBySecretariat");
		}
		if (year < 2004 || year > clock.today().getYear()) {
			throw InvalidRequest.of("year", "problem.cbm.annualReportYear", clock.today().getYear());
		}
		return drafting.table(account, new Drafting.NewDocument(DocumentType.REPORT,
				"Annual report of the Secretariat on the implementation of CICA confidence-building measures in " + year, "SWG",
				Access.of(AccessLevel.PARTICIPANTS), List.of("en"), "en", paragraphs(account, year)));
	}

	List<Paragraph> paragraphs(Account account, int year) {
		var viewer = access.viewer(account, clock.today());
		var names = new NameLookup(registry.roster(), java.util.Locale.ENGLISH);
		var edition = catalogue.inForce(LocalDate.of(year, 12, 31));
		var reports = implementation.reports(viewer, null, year).stream().filter(r -> r.firstSubmission().isPresent()).toList();
		var events = implementation.events(null, null, year);
		var overdue = implementation.overdue(viewer, year, clock.now());
		var paragraphs = new ArrayList<Paragraph>();
		paragraphs.add(agreedLater("1", ("This report covers the implementation of the Catalogue of Confidence-Building Measures (%s edition) in %d. "
				+ "It is compiled by the Secretariat from %d implementation reports submitted by member States, %d events recorded, "
				+ "and the returns due by %s.").formatted(edition.code(), year, reports.size(), events.size(), implementation.dueDay(year))));
		int number = 2;
		for (var dimension : edition.dimensions()) {
			for (var area : dimension.priorityAreas()) {
				var areaReports = reports.stream().filter(r -> r.priorityArea().equals(area.code())).toList();
				var areaEvents = events.stream().filter(e -> e.priorityArea().equals(area.code())).toList();
				var missing = overdue.entrySet().stream().filter(e -> e.getValue().contains(area.code())).map(Map.Entry::getKey).toList();
				if (areaReports.isEmpty() && areaEvents.isEmpty() && missing.isEmpty()) {
					continue;
				}
				var text = new StringBuilder(area.name()).append(" (").append(dimension.name()).append("). ");
				if (!areaReports.isEmpty()) {
					var reporting = areaReports.stream().map(r -> names.of(r.participant())
							+ (r.submitted().orElseThrow().nil() ? " (nil report)" : "") + (r.late() ? " (late)" : "")).toList();
					text.append("Reports were submitted by ").append(String.join(", ", reporting)).append(". ");
				}
				if (!areaEvents.isEmpty()) {
					text.append("Events: ").append(String.join("; ", areaEvents.stream()
							.map(e -> e.title() + (e.host() != null ? " (" + names.of(e.host()) + ")" : "")).toList())).append(". ");
				}
				if (!missing.isEmpty()) {
					text.append("No report was received from ").append(String.join(", ", missing.stream().map(names::of).toList())).append('.');
				}
				paragraphs.add(agreedLater(String.valueOf(number++), text.toString().strip()));
			}
		}
		return paragraphs;
	}

	/** The compiled text is a draft: every paragraph stands for the SWG to agree. */
	private static Paragraph agreedLater(String label, String text) {
		return new Paragraph(label, ParagraphStatus.BRACKETED, Map.of("en", text), List.of(), List.of());
	}
}
