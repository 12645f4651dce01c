package nl.draagvlak.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The try form's inputs, each with its label, its options in words, and what the reader chose so far. */
final class TryForm {

    record Option(String value, String label, boolean chosen) {
    }

    /** {@code id} is the HTML id (the name with dots and brackets made safe); {@code value} the text typed. */
    record Input(String name, String id, String label, RequestFields.Kind kind, List<Option> options, String value) {
    }

    record Group(String name, String title, List<Input> inputs) {
    }

    private TryForm() {
    }

    static List<Group> sections(Map<String, String[]> form, Labels labels) {
        List<Group> groups = new ArrayList<>();
        for (RequestFields.Section section : RequestFields.sections()) {
            groups.add(group(form, labels, section, section.name() + ".", section.name(), labels.section(section.name())));
        }
        return groups;
    }

    static List<Group> stakeholders(Map<String, String[]> form, int rows, Labels labels) {
        List<Group> groups = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            String prefix = RequestFields.STAKEHOLDERS + "[" + row + "].";
            groups.add(group(form, labels, RequestFields.stakeholder(), prefix, RequestFields.STAKEHOLDERS,
                    labels.text("console.decision.stakeholder", "Stakeholder") + " " + row));
        }
        return groups;
    }

    private static Group group(Map<String, String[]> form, Labels labels, RequestFields.Section section, String prefix,
                               String labelSection, String title) {
        List<Input> inputs = new ArrayList<>();
        for (RequestFields.Field field : section.fields()) {
            String name = prefix + field.name();
            List<String> given = form.containsKey(name) ? Arrays.asList(form.get(name)) : List.of();
            List<Option> options = new ArrayList<>();
            if (field.kind() == RequestFields.Kind.CHOICES) {
                options.add(new Option("none", labels.text("value.none", "none"), given.contains("none")));
            }
            for (String option : field.options()) {
                options.add(new Option(option, labels.value(option), given.contains(option)));
            }
            inputs.add(new Input(name, name.replaceAll("[^A-Za-z0-9]", "-"), labels.field(labelSection, field.name()),
                    field.kind(), options, given.isEmpty() ? "" : given.get(0)));
        }
        return new Group(prefix, title, inputs);
    }
}
