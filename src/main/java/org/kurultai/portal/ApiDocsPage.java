package org.kurultai.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.kurultai.shared.NotFound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's documentation as a plain page ({@code /api-docs}): the OpenAPI document ({@code /v3/api-docs}) rendered on
 * the server, operations grouped by tag with method, path, summary, parameters, request and response bodies (problem
 * responses marked), then the schemas. Light (no script) and accessible, beside Swagger UI ({@code /api-docs.html}),
 * which is kept for trying requests.
 */
@Controller
class ApiDocsPage {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");
	private static final String SCHEMAS = "#/components/schemas/";

	private final ObjectProvider<OpenApiWebMvcResource> openApi;
	private final MessageSource messages;
	/** The document never changes while the application runs: read once per language of the page. */
	private final Map<Locale, Documentation> read = new ConcurrentHashMap<>();

	ApiDocsPage(ObjectProvider<OpenApiWebMvcResource> openApi, MessageSource messages) {
		this.openApi = openApi;
		this.messages = messages;
	}

	@GetMapping("/api-docs")
	String page(@RequestParam @Nullable String tag, Model model, Locale locale, HttpServletRequest request) {
		var documentation = read.computeIfAbsent(Locale.forLanguageTag(locale.getLanguage()), language -> documentation(request, language));
		model.addAttribute("api", documentation);
		if (tag == null || tag.isBlank()) {
			model.addAttribute("title", messages.getMessage("apidocs.title", null, locale));
			return "api-docs";
		}
		var group = documentation.groups().stream().filter(g -> g.id().equals(tag.strip())).findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.apiTag", tag.length() > 40 ? tag.substring(0, 40) + "…" : tag));
		model.addAttribute("group", group);
		model.addAttribute("schemas", documentation.schemasOf(group));
		model.addAttribute("title", messages.getMessage("apidocs.tagTitle", new Object[] { group.name() }, locale));
		return "api-docs-tag";
	}

	private Documentation documentation(HttpServletRequest request, Locale locale) {
		// served unless springdoc.api-docs.enabled is false
		var resource = java.util.Objects.requireNonNull(openApi.getIfAvailable(), "springdoc.api-docs.enabled");
		JsonNode document;
		try {
			// the English document: the API's descriptions are written in English
			document = JSON.readTree(resource.openapiJson(request, "/v3/api-docs", Locale.ENGLISH));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new Reader(document, locale).documentation();
	}

	/** The page's model: the document's heading, the groups of operations and the schemas. */
	record Documentation(String title, String version, String description, @Nullable String license, @Nullable String licenseUrl,
			String openapi, List<Group> groups, List<SchemaDoc> schemas, int operations) {

		/** The schemas a group's operations name, and those these name in turn, by name. */
		List<SchemaDoc> schemasOf(Group group) {
			var byName = new java.util.HashMap<String, SchemaDoc>();
			schemas.forEach(schema -> byName.put(schema.name(), schema));
			var wanted = new java.util.TreeSet<String>();
			var queue = new java.util.ArrayDeque<String>();
			for (var operation : group.operations()) {
				operation.parameters().forEach(parameter -> queue.add(String.valueOf(parameter.type().ref())));
				if (operation.request() != null) {
					operation.request().content().forEach(content -> queue.add(content.type() == null ? "null" : String.valueOf(content.type().ref())));
				}
				operation.responses().forEach(response -> response.content()
						.forEach(content -> queue.add(content.type() == null ? "null" : String.valueOf(content.type().ref()))));
			}
			while (!queue.isEmpty()) {
				var name = queue.poll();
				var schema = byName.get(name);
				if (schema != null && wanted.add(name)) {
					schema.properties().forEach(property -> queue.add(String.valueOf(property.type().ref())));
					queue.add(String.valueOf(schema.type().ref()));
				}
			}
			return wanted.stream().map(byName::get).toList();
		}
	}

	record Group(String name, String id, @Nullable String description, List<Operation> operations) {
	}

	record Operation(String method, String path, String id, @Nullable String summary, @Nullable String description, boolean deprecated,
			boolean secured, List<Parameter> parameters, @Nullable Body request, List<Response> responses) {
	}

	record Parameter(String name, String in, boolean required, Type type, @Nullable String description) {
	}

	record Body(boolean required, List<Content> content) {
	}

	record Content(String mediaType, @Nullable Type type) {
	}

	record Response(String status, String description, List<Content> content, boolean problem) {
	}

	/** A type in words; {@code ref} names the schema it links to, if any. */
	record Type(String text, @Nullable String ref, @Nullable String refId) {
	}

	record SchemaDoc(String name, String id, Type type, @Nullable String description, List<Property> properties, List<String> values) {
	}

	record Property(String name, Type type, boolean required, @Nullable String description) {
	}

	/** Walks the JSON of the document. */
	private final class Reader {

		private final JsonNode document;
		private final Locale locale;
		private final java.util.Set<String> ids = new java.util.HashSet<>();

		Reader(JsonNode document, Locale locale) {
			this.document = document;
			this.locale = locale;
		}

		Documentation documentation() {
			var info = document.path("info");
			var groups = new LinkedHashMap<String, List<Operation>>();
			var described = new LinkedHashMap<String, String>();
			for (var tag : document.path("tags")) {
				groups.put(tag.path("name").asString(), new ArrayList<>());
				described.put(tag.path("name").asString(), text(tag, "description"));
			}
			var other = messages.getMessage("apidocs.untagged", null, locale);
			int count = 0;
			for (var path : document.path("paths").properties()) {
				for (var method : METHODS) {
					var operation = path.getValue().get(method);
					if (operation == null) {
						continue;
					}
					var tag = operation.path("tags").isEmpty() ? other : operation.path("tags").get(0).asString();
					groups.computeIfAbsent(tag, name -> new ArrayList<>()).add(operation(method, path.getKey(), path.getValue(), operation));
					count++;
				}
			}
			var list = groups.entrySet().stream().filter(group -> !group.getValue().isEmpty())
					.map(group -> new Group(group.getKey(), id(group.getKey()), described.get(group.getKey()),
							group.getValue().stream().sorted(Comparator.comparing(Operation::path)
									.thenComparing(operation -> METHODS.indexOf(operation.method().toLowerCase(Locale.ROOT)))).toList()))
					.sorted(Comparator.comparing(Group::name)).toList();
			var schemas = new ArrayList<SchemaDoc>();
			for (var schema : document.path("components").path("schemas").properties()) {
				schemas.add(schemaDoc(schema.getKey(), schema.getValue()));
			}
			schemas.sort(Comparator.comparing(SchemaDoc::name));
			var license = info.path("license");
			return new Documentation(info.path("title").asString(), info.path("version").asString(), info.path("description").asString(""),
					text(license, "name"), text(license, "url"), document.path("openapi").asString(), list, schemas, count);
		}

		private Operation operation(String method, String path, JsonNode item, JsonNode operation) {
			var parameters = new ArrayList<Parameter>();
			for (var list : List.of(item.path("parameters"), operation.path("parameters"))) {
				for (var parameter : list) {
					var resolved = resolve(parameter);
					parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
							resolved.path("required").asBoolean(false), type(resolved.path("schema")), text(resolved, "description")));
				}
			}
			Body body = null;
			if (operation.has("requestBody")) {
				var request = resolve(operation.get("requestBody"));
				body = new Body(request.path("required").asBoolean(false), content(request.path("content")));
			}
			var responses = new ArrayList<Response>();
			for (var response : operation.path("responses").properties()) {
				var resolved = resolve(response.getValue());
				var content = content(resolved.path("content"));
				responses.add(new Response(response.getKey(), resolved.path("description").asString(""), content,
						content.stream().anyMatch(c -> c.mediaType().equals("application/problem+json"))));
			}
			responses.sort(Comparator.comparing(Response::status));
			var id = "op-" + method + "-" + id(path);
			for (int n = 2; !ids.add(id); n++) {
				id = "op-" + method + "-" + id(path) + "-" + n;
			}
			return new Operation(method.toUpperCase(Locale.ROOT), path, id, text(operation, "summary"), text(operation, "description"),
					operation.path("deprecated").asBoolean(false), operation.has("security") || document.has("security"), parameters, body,
					responses);
		}

		private List<Content> content(JsonNode content) {
			var list = new ArrayList<Content>();
			for (var media : content.properties()) {
				list.add(new Content(media.getKey(), media.getValue().has("schema") ? type(media.getValue().get("schema")) : null));
			}
			return list;
		}

		private SchemaDoc schemaDoc(String name, JsonNode schema) {
			var required = new ArrayList<String>();
			schema.path("required").forEach(field -> required.add(field.asString()));
			var properties = new ArrayList<Property>();
			for (var property : schema.path("properties").properties()) {
				properties.add(new Property(property.getKey(), type(property.getValue()), required.contains(property.getKey()),
						text(property.getValue(), "description")));
			}
			var values = new ArrayList<String>();
			schema.path("enum").forEach(value -> values.add(value.asString()));
			return new SchemaDoc(name, schemaId(name), type(schema), text(schema, "description"), properties, values);
		}

		/** A parameter, request body or response given by reference is read where it is. */
		private JsonNode resolve(JsonNode node) {
			var ref = node.path("$ref").asString("");
			if (!ref.startsWith("#/")) {
				return node;
			}
			JsonNode target = document;
			for (var part : ref.substring(2).split("/")) {
				target = target.path(part.replace("~1", "/").replace("~0", "~"));
			}
			return target.isMissingNode() ? node : target;
		}

		/** The type in words: "string (date)", "array of Summary", "one of A, B", "Summary" (a link to it). */
		private Type type(JsonNode schema) {
			var ref = schema.path("$ref").asString("");
			if (ref.startsWith(SCHEMAS)) {
				var name = ref.substring(SCHEMAS.length());
				return new Type(name, name, schemaId(name));
			}
			if (schema.has("allOf") && schema.get("allOf").size() == 1) {
				return type(schema.get("allOf").get(0));
			}
			for (var combination : List.of("oneOf", "anyOf")) {
				if (schema.has(combination)) {
					var alternatives = new ArrayList<String>();
					schema.get(combination).forEach(alternative -> alternatives.add(type(alternative).text()));
					return new Type(message("apidocs.type.oneOf", String.join(", ", alternatives)), null, null);
				}
			}
			var types = new ArrayList<String>();
			var declared = schema.path("type");
			if (declared.isArray()) {
				declared.forEach(type -> {
					if (!type.asString().equals("null")) {
						types.add(type.asString());
					}
				});
			}
			else if (declared.isString()) {
				types.add(declared.asString());
			}
			if (types.contains("array")) {
				var items = type(schema.path("items"));
				return new Type(message("apidocs.type.array", items.text()), items.ref(), items.refId());
			}
			if (types.contains("object") && schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
				var values = type(schema.get("additionalProperties"));
				return new Type(message("apidocs.type.map", values.text()), values.ref(), values.refId());
			}
			var text = types.isEmpty() ? message("apidocs.type.any") : String.join(" | ", types);
			if (schema.has("format")) {
				text += " (" + schema.get("format").asString() + ")";
			}
			if (schema.has("enum")) {
				var values = new ArrayList<String>();
				schema.get("enum").forEach(value -> values.add(value.isNull() ? "null" : value.asString()));
				text = message("apidocs.type.enum", String.join(", ", values));
			}
			return new Type(text, null, null);
		}

		private String message(String key, Object... arguments) {
			return messages.getMessage(key, arguments, locale);
		}

		private @Nullable String text(JsonNode node, String field) {
			var value = node.path(field);
			return value.isString() && !value.asString().isBlank() ? value.asString() : null;
		}
	}

	private static String schemaId(String name) {
		return "schema-" + id(name);
	}

	/** An HTML id from a path or a name: "/api/meetings/{id}" is "api-meetings-id". */
	private static String id(String value) {
		var id = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return id.isEmpty() ? "x" : id;
	}
}
