package org.kurultai.publication;

import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.Decisions;
import java.net.URI;

import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.DraftingProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An adopted document's text, as Akoma Ntoso XML and as PDF, with the statements published with it. */
@RestController
@Tag(name = "Documents")
class PublicationApi {

	private final Drafting drafting;
	private final Decisions decisions;
	private final AccessPolicy access;
	private final Organs organs;
	private final Meetings meetings;
	private final Registry registry;
	private final ForumProperties forum;
	private final ForumClock clock;
	private final DraftingProperties languages;
	private final MessageSource messages;
	private final Renderings rendered = new Renderings(64);

	PublicationApi(Drafting drafting, Decisions decisions, AccessPolicy access, Organs organs, Meetings meetings, Registry registry,
			ForumProperties forum, ForumClock clock, DraftingProperties languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
		this.drafting = drafting;
		this.decisions = decisions;
		this.access = access;
		this.organs = organs;
		this.meetings = meetings;
		this.registry = registry;
		this.forum = forum;
		this.clock = clock;
	}

	@GetMapping(path = "/api/documents/{id}/akn", produces = { AkomaNtoso.MEDIA_TYPE, "application/xml", "application/problem+json" })
	@Operation(summary = "An adopted document as Akoma Ntoso 3.0 XML, in one language; 409 if it is not adopted or its text is not held, "
			+ "404 language-not-held if it has no text in the language asked for, 400 for a language the forum does not use")
	ResponseEntity<byte[]> akomaNtoso(@PathVariable String id,
			@Parameter(description = "Language code; default the original") @RequestParam @Nullable String language) {
		var text = published(id, language);
		return file(rendered.get(text, "akn", AkomaNtoso::render), MediaType.parseMediaType(AkomaNtoso.MEDIA_TYPE), text, "xml");
	}

	@GetMapping(path = "/api/documents/{id}/pdf", produces = { "application/pdf", "application/problem+json" })
	@Operation(summary = "An adopted document as PDF, in one language; 409 if it is not adopted or its text is not held, "
			+ "404 language-not-held if it has no text in the language asked for, 400 for a language the forum does not use")
	ResponseEntity<byte[]> pdf(@PathVariable String id,
			@Parameter(description = "Language code; default the original") @RequestParam @Nullable String language) {
		var text = published(id, language);
		return file(rendered.get(text, "pdf", PdfRenderer::render), MediaType.APPLICATION_PDF, text, "pdf");
	}

	private PublishedText published(String id, @Nullable String language) {
		var asked = language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
		if (asked != null && !languages.languages().contains(asked)) {
			throw InvalidRequest.of("language", "problem.document.notAForumLanguage",
					language.length() > 20 ? language.substring(0, 20) + "…" : language, languages.languages());
		}
		Viewer viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		if (!document.adopted() || document.adoptedOn() == null) {
			throw new NotAdopted(document);
		}
		var lang = asked == null ? document.originalLanguage() : asked;
		var locale = Locale.forLanguageTag(lang);
		var decision = decisions.adopting(document.id(), viewer);
		// a decision recorded from the forum's history may hold no text (no version): the document's latest text, if any, is the one
		var version = decision.isPresent() && decision.get().version() != null ? drafting.version(document.id(), decision.get().version(), viewer)
				: drafting.latest(document.id(), viewer);
		var statements = decision.map(d -> decisions.statements(d.id(), viewer)).orElse(java.util.List.of()).stream()
				.map(s -> new PublishedText.Statement(s.participant(), name(s.participant(), lang),
						messages.getMessage("decisions.statementKind." + s.kind().name(), null, s.kind().label(), locale), s.paragraph(),
						s.text(), LocalDate.ofInstant(s.filedAt(), clock.zone())))
				.toList();
		// the place only where the viewer may know the meeting: a closed meeting does not show through a public text
		var place = document.meeting() == null ? null
				: meetings.meeting(document.meeting(), access.seenBy(viewer)).map(org.kurultai.meetings.Meeting::place).orElse(null);
		if (!document.languages().contains(lang)) {
			throw new PublishedText.LanguageNotHeld(document, lang, version.paragraphs().stream().map(p -> p.label()).toList());
		}
		return new PublishedText(document, version, lang, forum.name(locale), organs.body(document.body()).nameOn(document.adoptedOn()).name(),
				document.adoptedOn(), place, decision.map(d -> d.registerSymbol()).orElse(null),
				decision.map(d -> messages.getMessage("decisions.rule." + d.rule().name(), null, d.rule().label(), locale)).orElse(null),
				statements, labels(locale));
	}

	/** The words of the export in its own language. */
	private PublishedText.Labels labels(Locale locale) {
		return new PublishedText.Labels(locale, label("adoptedBy", locale), label("registerEntry", locale), label("decisionRule", locale),
				label("statements", locale), label("onTheWholeText", locale), label("onParagraph", locale), label("filed", locale),
				label("page", locale), label("attestedBy", locale));
	}

	private String label(String key, Locale locale) {
		return messages.getMessage("drafting.export." + key, null, locale);
	}

	/** A participant's short name in the export's language (the English one where no other is recorded). */
	private String name(String code, String language) {
		return registry.roster().find(ParticipantCode.parse(code))
				.map(p -> p.names().shortIn(java.util.Locale.forLanguageTag(language))).orElse(code);
	}

	/** The document has no text in the language asked for: 404, never the text of another language labelled as this one. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> languageNotHeld(PublishedText.LanguageNotHeld refused, Locale locale) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("drafting.export.languageNotHeld.detail",
				new Object[] { refused.document(), refused.language() }, locale));
		problem.setType(URI.create("https://kurultai.org/problems/language-not-held"));
		problem.setTitle(messages.getMessage("drafting.export.languageNotHeld.title", null, locale));
		problem.setProperty("language", refused.language());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, PublishedText text, String extension) {
		var filename = text.document().id().toLowerCase(Locale.ROOT) + "-" + text.language() + "." + extension;
		return ResponseEntity.ok().contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
				.body(content);
	}

	/**
	 * Recently rendered files. An adopted text never changes, but a statement may still be filed with
	 * it, and what a file shows depends on what its reader may see (the place of a closed meeting), so
	 * the key holds everything the file shows: document, version, language, place, register entry and
	 * the statements. A reader is thus never served a variant rendered for one who may see more.
	 * Rendering a PDF costs tens of milliseconds; serving it again costs nothing.
	 */
	static final class Renderings {

		private final int capacity;
		private final java.util.Map<String, byte[]> files;

		Renderings(int capacity) {
			this.capacity = capacity;
			this.files = new java.util.LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
					return size() > Renderings.this.capacity;
				}
			};
		}

		byte[] get(PublishedText text, String format, java.util.function.Function<PublishedText, byte[]> render) {
			var key = key(format, text);
			synchronized (files) {
				var cached = files.get(key);
				if (cached != null) {
					return cached;
				}
			}
			var file = render.apply(text);
			synchronized (files) {
				files.put(key, file);
			}
			return file;
		}

		/** Everything the file shows, and so everything that may differ from one reader to another. */
		static String key(String format, PublishedText text) {
			return String.join("|", format, text.document().id(), String.valueOf(text.version().number()), text.language(),
					String.valueOf(text.place()), String.valueOf(text.adoptedOn()), String.valueOf(text.decisionRule()),
					String.valueOf(text.registerSymbol()), text.statements().toString(), text.bodyName(), text.forum());
		}
	}

	/** Only an adopted text is published. */
	static class NotAdopted extends RuleViolation {

		NotAdopted(NegotiatedDocument document) {
			super("problem.publication.notAdopted", document.symbol(), document.status());
		}

		@Override
		public String rule() {
			return "not-adopted";
		}
	}
}
