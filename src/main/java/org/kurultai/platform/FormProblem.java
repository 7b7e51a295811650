package org.kurultai.platform;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form the forum refused, shown again on its page: which form ({@code form}, the form's id in
 * the page), the field the refusal concerns (null: the form as a whole), the message in the page's
 * language, and everything the person typed, so that nothing is lost. Pages put it in their model as
 * {@code formProblem} ({@link FormProblems}); {@link #NONE} when nothing was refused.
 *
 * <p>In a template: {@code th:value="${formProblem.value('table-draft', 'title', '')}"} keeps what was
 * typed in the form that failed (other forms on the page show their defaults), and
 * {@code formProblem.at('table-draft', 'title')} / {@code formProblem.general('table-draft')} decide
 * where the message stands (see {@code templates/form-problem.html}).
 */
public record FormProblem(@Nullable String form, @Nullable String field, String message, MultiValueMap<String, String> typed) {

	public static final FormProblem NONE = new FormProblem(null, null, "", new LinkedMultiValueMap<>());

	public FormProblem {
		typed = new LinkedMultiValueMap<>(typed);
	}

	/** A form shown again as typed with no refusal (a form that grows: "Add a paragraph"). */
	public static FormProblem asTyped(String form, MultiValueMap<String, String> typed) {
		return new FormProblem(form, null, "", typed);
	}

	/** Whether this is the form that failed (or is shown again as typed). */
	public boolean on(String form) {
		return form.equals(this.form);
	}

	/** The message stands beside this field of this form. */
	public boolean at(String form, String field) {
		return on(form) && field.equals(this.field) && !message.isEmpty();
	}

	/** The message concerns the form as a whole: it stands at the form's top. */
	public boolean general(String form) {
		return on(form) && field == null && !message.isEmpty();
	}

	/** What was typed into the field when this form failed, else {@code otherwise}. */
	public String value(String form, String name, @Nullable String otherwise) {
		if (on(form)) {
			var values = typed.get(name);
			return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
		}
		return otherwise == null ? "" : otherwise;
	}

	/** All that was typed into a repeated field (check boxes), or an empty list. */
	public List<String> values(String form, String name) {
		var values = on(form) ? typed.get(name) : null;
		return values == null ? List.of() : List.copyOf(values);
	}

	/** Whether an option (a select's, a radio's) was chosen when this form failed, else {@code otherwise}. */
	public boolean chosen(String form, String name, @Nullable String value, boolean otherwise) {
		return on(form) ? values(form, name).contains(value) : otherwise;
	}

	/** The typed values as one map of first values (for building the form again). */
	public Map<String, String> firstValues() {
		return typed.toSingleValueMap();
	}

	/**
	 * A refusal a page controller makes itself (before the domain sees the request), named by a
	 * message key: a 400 on the field it names, translated where it is shown.
	 */
	public static class Refusal extends InvalidRequest implements MessageSourceResolvable {

		private final String key;

		private final Object[] arguments;

		public Refusal(String field, String key, Object... arguments) {
			super(field, key);
			this.key = key;
			this.arguments = arguments.clone();
		}

		@Override
		public String[] getCodes() {
			return new String[] { key };
		}

		@Override
		public Object[] getArguments() {
			return arguments.clone();
		}

		@Override
		public String getDefaultMessage() {
			return key;
		}
	}
}
