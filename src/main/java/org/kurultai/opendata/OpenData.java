package org.kurultai.opendata;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.kurultai.platform.DataVersions;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.platform.ForumProperties;
import org.kurultai.platform.Representations;
import org.kurultai.portal.SourceTitles;
import org.kurultai.shared.CsvText;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The open data's files: each {@link Resource} as CSV (RFC 4180: UTF-8, a header row, CRLF, fields quoted where they need
 * it) and as JSON (an array of objects, one per row, the values typed as its Table Schema says), and the Frictionless Data
 * Package describing them ({@code datapackage.json}, profile {@code tabular-data-package}). A file is made once per version
 * of the data it reads ({@link DataVersions}: the areas of its resource) and kept until that moves; its validators are
 * of its bytes ({@link Representations}), so a change the public does not see in the file leaves them as they were.
 */
@Service
public class OpenData {

	/**
	 * A file as served: its bytes, its media type and its validators ({@link Representations}): the tag of its bytes and
	 * when they last changed (none for a file made inside a read-write transaction, which is never kept).
	 */
	public record File(byte[] body, String mediaType, String etag, @Nullable Instant changedAt) {
	}

	/** One table's rows as read at one version of its data. */
	private record Table(List<@Nullable Object[]> rows) {
	}

	static final String CSV = "text/csv; charset=utf-8; header=present";
	static final String JSON = "application/json";

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
	private static final CsvMapper CSV_MAPPER = CsvMapper.builder().build();

	private final Resources resources;
	private final DataVersions versions;
	private final Representations representations;
	private final SourceTitles titles;
	private final MessageSource messages;
	private final ForumProperties forum;
	private final String name;
	private final Licence licence;
	private final Instant builtAt;
	private final String build;
	/** The tables' rows and the files made of them, by version; bounded in bytes (a version moved on is dropped in time). */
	private final Cache<String, Object> made = Caffeine.newBuilder().maximumWeight(32L * 1024 * 1024)
			.<String, Object>weigher((key, value) -> value instanceof File file ? file.body().length + 200
					: value instanceof Table table ? 200 + table.rows().size() * 400 : 200)
			.build();

	/** The licence of the data package. */
	record Licence(String name, String title, String path) {
	}

	OpenData(Resources resources, DataVersions versions, Representations representations, SourceTitles titles, MessageSource messages, ForumProperties forum,
			ObjectProvider<BuildProperties> build, @Value("${kurultai.open-data.name:public-record}") String name,
			@Value("${kurultai.open-data.licence.name:CC-BY-4.0}") String licenceName,
			@Value("${kurultai.open-data.licence.title:Creative Commons Attribution 4.0 International}") String licenceTitle,
			@Value("${kurultai.open-data.licence.path:https://creativecommons.org/licenses/by/4.0/}") String licencePath) {
		this.resources = resources;
		this.versions = versions;
		this.representations = representations;
		this.titles = titles;
		this.messages = messages;
		this.forum = forum;
		this.name = name;
		this.licence = new Licence(licenceName, licenceTitle, licencePath);
		var properties = build.getIfAvailable();
		// a new build may write the same data differently: its files must not be taken for the old ones
		this.builtAt = properties != null && properties.getTime() != null ? properties.getTime()
				: Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		this.build = Long.toString(builtAt.toEpochMilli(), 36);
	}

	/** The forum's time, for the files' dates. */
	Instant now() {
		return representations.now();
	}

	/** The tables, in the order the page and the package list them. */
	List<Resource> resources() {
		return resources.all();
	}

	Optional<Resource> resource(String name) {
		return resources.named(name);
	}

	Licence licence() {
		return licence;
	}

	/** How many rows the table has now. */
	int rows(Resource resource) {
		return table(resource, versions.stamp(resource.stampedBy())).rows().size();
	}

	/** The table as CSV. */
	public File csv(Resource resource) {
		var stamp = versions.stamp(resource.stampedBy());
		return file(resource.name() + ".csv", stamp, created -> csvOf(resource, table(resource, stamp)), CSV, false);
	}

	/** The table as JSON. */
	public File json(Resource resource) {
		var stamp = versions.stamp(resource.stampedBy());
		return file(resource.name() + ".json", stamp, created -> jsonOf(resource, table(resource, stamp)), JSON, false);
	}

	/** The data package describing every table, its files, schema, licence and sources. */
	public File dataPackage() {
		var stamp = versions.stamp(areas());
		return file("datapackage.json", stamp, this::descriptor, JSON, true);
	}

	private Area[] areas() {
		var areas = new LinkedHashSet<Area>();
		resources.all().forEach(resource -> areas.addAll(resource.areas()));
		return areas.toArray(Area[]::new);
	}

	/**
	 * The file as of this stamp, made once and kept. {@code make} is given the time the file's content last changed, for a
	 * file that says it ({@code dated}: the data package's {@code created}): it is first made without it (null), the
	 * validators are of that content, and it is made again with their date — so the date moves only with the content.
	 */
	private File file(String file, DataVersions.Stamp stamp, Function<@Nullable Instant, byte[]> make, String mediaType, boolean dated) {
		var key = file + "|" + stamp.tag();
		var began = representations.now();
		if (!versions.cacheable()) {
			// inside a read-write transaction what is read may be its own uncommitted change: made, never kept (DataVersions)
			var body = make.apply(began);
			return new File(body, mediaType, Representations.etag(body, mediaType), null);
		}
		// no computing inside the cache's own mapping (a file reads the tables, kept in the same cache): two readers meeting
		// here both make it, and the second keeps the first's
		if (made.getIfPresent(key) instanceof File known) {
			return known;
		}
		var content = make.apply(null);
		var validators = representations.made("data|" + file, stamp.tag() + "|" + build, began, content, mediaType);
		var body = dated ? make.apply(validators.changedAt()) : content;
		var fresh = new File(body, mediaType, dated ? Representations.etag(body, mediaType) : validators.etag(), validators.changedAt());
		return (File) made.asMap().merge(key, fresh, (earlier, later) -> earlier);
	}

	/** The rows as read at this stamp (the stamp was taken before reading: a change meanwhile makes the next one read again). */
	private Table table(Resource resource, DataVersions.Stamp stamp) {
		if (!versions.cacheable()) {
			return new Table(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(resource.rows().get())));
		}
		var key = resource.name() + "|rows|" + stamp.tag();
		if (made.getIfPresent(key) instanceof Table known) {
			return known;
		}
		var fresh = new Table(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(resource.rows().get())));
		return (Table) made.asMap().merge(key, fresh, (earlier, later) -> earlier);
	}

	// ---------------------------------------------------------------- CSV and JSON

	private byte[] csvOf(Resource resource, Table table) {
		var columns = CsvSchema.builder();
		resource.fields().forEach(field -> columns.addColumn(field.name()));
		var schema = columns.build().withHeader().withLineSeparator("\r\n");
		var out = new ByteArrayOutputStream();
		try (var writer = CSV_MAPPER.writer(schema).writeValues(out)) {
			for (var row : table.rows()) {
				var cells = new String[row.length];
				for (int i = 0; i < row.length; i++) {
					var value = value(row[i]);
					// an exact decimal as its plain digits (never 1E+5)
					var text = value == null ? "" : value instanceof java.math.BigDecimal amount ? amount.toPlainString() : value.toString();
					// a text a spreadsheet would run as a formula (=, +, -, @, tab, return first) is written after an apostrophe,
					// which spreadsheets read as "text follows" (OWASP, CSV injection); the JSON file holds it as recorded
					cells[i] = resource.fields().get(i).type() == Field.Type.STRING && formulaLike(text) ? "'" + text : text;
				}
				writer.write(cells);
			}
		}
		return out.toByteArray();
	}

	/** Whether a spreadsheet would take this cell for a formula (CsvText, one rule for every export). */
	static boolean formulaLike(String text) {
		return CsvText.formulaLike(text);
	}

	private byte[] jsonOf(Resource resource, Table table) {
		var array = JSON_MAPPER.createArrayNode();
		for (var row : table.rows()) {
			var object = array.addObject();
			for (int i = 0; i < row.length; i++) {
				var name = resource.fields().get(i).name();
				var value = value(row[i]);
				if (value == null) {
					object.putNull(name);
				}
				else if (value instanceof Boolean flag) {
					object.put(name, flag);
				}
				else if (value instanceof Integer number) {
					object.put(name, number);
				}
				else if (value instanceof Long number) {
					object.put(name, number);
				}
				else if (value instanceof java.math.BigDecimal amount) {
					// an exact decimal (money: two decimals), written as JSON's number with its digits as recorded
					object.put(name, amount);
				}
				else {
					object.put(name, value.toString());
				}
			}
		}
		return JSON_MAPPER.writeValueAsBytes(array);
	}

	/** A cell as the files write it: dates and moments in ISO 8601 (UTC, to the second), sources as people read them. */
	private @Nullable Object value(@Nullable Object cell) {
		if (cell == null) {
			return null;
		}
		if (cell instanceof Sources sources) {
			return sources.isEmpty() ? null : sources(sources);
		}
		if (cell instanceof Instant instant) {
			return instant.truncatedTo(ChronoUnit.SECONDS).toString();
		}
		if (cell instanceof Boolean || cell instanceof Integer || cell instanceof Long) {
			return cell;
		}
		if (cell instanceof java.math.BigDecimal) {
			return cell;
		}
		// an empty text is no value, in JSON as in CSV (where the Table Schema reads "" as missing)
		var text = cell.toString().strip();
		return text.isEmpty() ? null : text;
	}

	/** "title (address)" for each source, in English, separated by "; ". */
	private String sources(Sources sources) {
		var shown = new LinkedHashSet<String>();
		for (var reference : sources.references()) {
			var source = titles.of(reference, Locale.ENGLISH);
			shown.add(source.url() == null || source.url().equals(source.title()) ? source.title() : source.title() + " (" + source.url() + ")");
		}
		return String.join("; ", shown);
	}

	// ---------------------------------------------------------------- the data package

	/** The data package; {@code created}: when its content last changed (the epoch while that is being found out). */
	private byte[] descriptor(@Nullable Instant created) {
		var english = Locale.ENGLISH;
		var root = JSON_MAPPER.createObjectNode();
		root.put("profile", "tabular-data-package");
		root.put("name", name);
		root.put("title", text("opendata.package.title", english, forum.name(english)));
		root.put("description", text("opendata.package.description", english, forum.name(english)));
		root.put("created", (created == null ? Instant.EPOCH : created).truncatedTo(ChronoUnit.SECONDS).toString());
		var licenses = root.putArray("licenses");
		licenses.addObject().put("name", licence.name()).put("title", licence.title()).put("path", licence.path());
		var cited = new TreeMap<String, @Nullable String>();
		var resourcesNode = root.putArray("resources");
		for (var resource : resources.all()) {
			var table = table(resource, versions.stamp(resource.stampedBy()));
			var ownSources = citedBy(resource, table);
			ownSources.forEach(cited::putIfAbsent);
			for (var format : List.of("csv", "json")) {
				var node = resourcesNode.addObject();
				node.put("profile", "tabular-data-resource");
				node.put("name", format.equals("csv") ? resource.name() : resource.name() + "-json");
				node.put("path", resource.name() + "." + format);
				node.put("title", text("opendata.resource." + resource.name(), english) + (format.equals("csv") ? "" : " (JSON)"));
				node.put("description", text("opendata.resource." + resource.name() + ".description", english));
				node.put("format", format);
				node.put("mediatype", format.equals("csv") ? "text/csv" : "application/json");
				node.put("encoding", "utf-8");
				if (format.equals("csv")) {
					node.putObject("dialect").put("delimiter", ",").put("lineTerminator", "\r\n").put("quoteChar", "\"").put("doubleQuote", true)
							.put("header", true);
				}
				node.set("schema", schema(resource));
				node.set("sources", sources(ownSources));
			}
		}
		root.set("sources", sources(cited));
		return JSON_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	/** The resource's Table Schema: its fields with their types, descriptions and constraints; its keys. */
	ObjectNode schema(Resource resource) {
		var english = Locale.ENGLISH;
		var schema = JSON_MAPPER.createObjectNode();
		var fields = schema.putArray("fields");
		for (var field : resource.fields()) {
			var node = fields.addObject();
			node.put("name", field.name());
			node.put("type", field.type().frictionless());
			if (field.type() == Field.Type.DATETIME) {
				node.put("format", "default");
			}
			node.put("description", fieldDescription(resource, field, english));
			var constraints = JSON_MAPPER.createObjectNode();
			if (field.required()) {
				constraints.put("required", true);
			}
			if (field.values() != null) {
				var values = constraints.putArray("enum");
				field.values().forEach(values::add);
			}
			if (!constraints.isEmpty()) {
				node.set("constraints", constraints);
			}
		}
		schema.putArray("missingValues").add("");
		if (!resource.primaryKey().isEmpty()) {
			var key = schema.putArray("primaryKey");
			resource.primaryKey().forEach(key::add);
		}
		if (!resource.foreignKeys().isEmpty()) {
			var keys = schema.putArray("foreignKeys");
			for (var foreign : resource.foreignKeys()) {
				var key = keys.addObject();
				key.put("fields", foreign.field());
				key.putObject("reference").put("resource", foreign.resource()).put("fields", foreign.reference());
			}
		}
		return schema;
	}

	/** A field's description: the resource's own message for it, else the one shared by fields of that name. */
	String fieldDescription(Resource resource, Field field, Locale language) {
		var own = messages.getMessage("opendata.field." + resource.name() + "." + field.name(), null, null, language);
		return own != null ? own : text("opendata.field." + field.name(), language);
	}

	/** The sources a table's rows cite, by title: a seed document with its address where public, a web site by its address. */
	private Map<String, @Nullable String> citedBy(Resource resource, Table table) {
		var references = new LinkedHashSet<String>();
		for (var row : table.rows()) {
			for (var cell : row) {
				if (cell instanceof Sources sources) {
					references.addAll(sources.references());
				}
			}
		}
		var cited = new TreeMap<String, @Nullable String>();
		for (var reference : references) {
			var source = titles.of(reference, Locale.ENGLISH);
			if (reference.startsWith("http://") || reference.startsWith("https://")) {
				// a web page: its site, by its address (the pages themselves are named in each row's sources)
				cited.putIfAbsent(source.title(), "https://" + source.title() + "/");
			}
			else {
				cited.putIfAbsent(source.title(), source.url());
			}
		}
		return cited;
	}

	private static ArrayNode sources(Map<String, @Nullable String> cited) {
		var array = JSON_MAPPER.createArrayNode();
		cited.forEach((title, path) -> {
			var source = array.addObject().put("title", title);
			if (path != null) {
				source.put("path", path);
			}
		});
		return array;
	}

	private String text(String key, Locale language, Object... args) {
		return messages.getMessage(key, args, language);
	}
}
