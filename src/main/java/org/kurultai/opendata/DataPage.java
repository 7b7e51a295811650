package org.kurultai.opendata;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The open data page ({@code /data}): each table with what it holds, how many rows it has now, its files and its data
 * dictionary (fields, types, whether required, the values they take, what they mean) in the page's language; the licence
 * and the data package.
 */
@Controller
class DataPage {

	/** One field of the dictionary as the page shows it. */
	record FieldRow(String name, String type, boolean required, List<String> values, String description) {
	}

	/** One table as the page shows it. */
	record Table(String name, String title, String description, int rows, List<FieldRow> fields) {
	}

	private final OpenData data;
	private final MessageSource messages;

	DataPage(OpenData data, MessageSource messages) {
		this.data = data;
		this.messages = messages;
	}

	@GetMapping("/data")
	String page(Model model, Locale locale) {
		var tables = data.resources().stream().map(resource -> new Table(resource.name(),
				messages.getMessage("opendata.resource." + resource.name(), null, locale),
				messages.getMessage("opendata.resource." + resource.name() + ".description", null, locale), data.rows(resource),
				resource.fields().stream().map(field -> new FieldRow(field.name(), field.type().frictionless(), field.required(),
						field.values() == null ? List.of() : field.values(), data.fieldDescription(resource, field, locale))).toList()))
				.toList();
		model.addAttribute("tables", tables);
		model.addAttribute("licence", data.licence());
		model.addAttribute("title", messages.getMessage("opendata.title", null, locale));
		return "data";
	}
}
